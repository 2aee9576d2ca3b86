using Harness.Backends;
using Harness.Datasets;
using Harness.Parsing;
using Harness.Runs;

namespace Harness.Running;

/// <summary>What a scenario needs to run one backend over the rows.</summary>
internal sealed record ScenarioContext(
    string Scenario,
    IBackend Backend,
    BackendConfig Entry,
    EvalConfig Config,
    IReadOnlyList<DatasetRow> Rows,
    IReadOnlyList<DatasetRow> WarmupRows,
    OutputParser Parser,
    PredictionLog Log,
    IProgressSink Progress)
{
    private HashSet<string>? _warmupIds;

    /// <summary>Whether <paramref name="row"/> is one of the run's warm-up intents (its first <c>warmup</c> rows, in any shard).</summary>
    public bool IsWarmup(DatasetRow row) => (_warmupIds ??= WarmupRows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal)).Contains(row.Id);

    /// <summary>Warnings already given in this scenario, so each is given once.</summary>
    public HashSet<string> Warnings { get; } = new(StringComparer.Ordinal);
}
