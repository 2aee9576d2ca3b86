using Harness.Backends;

namespace Harness.Plugins.Retrieval;

/// <summary>
/// <c>Retrieval</c>: the floor every distilled student should beat. Finds the train
/// intent most similar to the request's (TF-IDF over word unigrams and bigrams, cosine)
/// and answers with that intent's teacher output for the requested tool.
/// </summary>
public sealed class RetrievalBackendFactory : IBackendFactory
{
    public string Name => "Retrieval";

    public string Description => "Baseline student: TF-IDF (word 1-2 grams) nearest train intent, answering with its teacher output.";

    /// <summary>Thread-safe: it only reads the index it built.</summary>
    public int MaxConcurrency => IBackendFactory.UnlimitedConcurrency;

    private static readonly BackendOption<string> TrainOption = BackendOption.Required("train",
        "The train split (dataset JSON Lines) whose intents and teacher outputs are searched.");

    /// <summary>How many nearest train intents vote on "not used" unless option <c>k</c> says otherwise.</summary>
    public const int DefaultNeighbours = 10;

    private static readonly BackendOption<int> NeighboursOption = BackendOption.Int32("k",
        "How many nearest train intents vote, weighted by similarity, on the probability that a tool is not used (the answer is still the nearest one's).",
        DefaultNeighbours, 1, 1000);

    public IReadOnlyList<BackendOptionInfo> Options { get; } = [TrainOption.Info, NeighboursOption.Info, SelectionThresholds.Option.Info];

    public Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var path = context.ResolvePath(TrainOption.Read(options));
        IBackend backend = RetrievalBackend.Load(path, NeighboursOption.Read(options), SelectionThresholds.Read(options, context));
        return Task.FromResult(backend);
    }
}
