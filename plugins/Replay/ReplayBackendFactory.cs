using Harness.Backends;

namespace Harness.Plugins.Replay;

/// <summary>
/// <c>Replay</c>: serves recorded outputs by intent id. With <c>predictions</c> it serves
/// another system's outputs (the <c>harness score</c> format); with <c>dataset</c> it
/// serves the teacher's own outputs, which must score 1.0.
/// </summary>
public sealed class ReplayBackendFactory : IBackendFactory
{
    public string Name => "Replay";

    public string Description => "Serves recorded outputs by intent id: a predictions file, or the teacher column of a dataset split.";

    private static readonly BackendOption<string?> PredictionsOption = BackendOption.Optional("predictions",
        "A predictions file: one {\"id\":..,\"outputs\":{\"adjust\":\"raw\"|{..}|null,..}} per line. Give this or 'dataset'.");
    private static readonly BackendOption<string?> DatasetOption = BackendOption.Optional("dataset",
        "A dataset split whose teacher outputs are replayed. Give this or 'predictions'.");

    public IReadOnlyList<BackendOptionInfo> Options { get; } = [PredictionsOption.Info, DatasetOption.Info];

    /// <summary>It only knows the intent ids it recorded; a typed intent has none.</summary>
    public bool AnswersNewIntents => false;

    public Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var predictions = PredictionsOption.Read(options);
        var dataset = DatasetOption.Read(options);
        if (string.IsNullOrWhiteSpace(predictions) == string.IsNullOrWhiteSpace(dataset))
            throw new BackendException($"{options.Source}: give exactly one of the options 'predictions' and 'dataset'.");
        var path = context.ResolvePath((predictions ?? dataset)!);
        IBackend backend = ReplayBackend.Load(path, fromDataset: dataset is not null);
        return Task.FromResult(backend);
    }
}
