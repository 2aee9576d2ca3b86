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

    private static readonly BackendOption<string> TrainOption = BackendOption.Required("train",
        "The train split (dataset JSON Lines) whose intents and teacher outputs are searched.");

    public IReadOnlyList<BackendOptionInfo> Options { get; } = [TrainOption.Info];

    public Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var path = context.ResolvePath(TrainOption.Read(options));
        IBackend backend = RetrievalBackend.Load(path);
        return Task.FromResult(backend);
    }
}
