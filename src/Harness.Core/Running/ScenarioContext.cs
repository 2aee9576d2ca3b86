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
    OutputParser Parser,
    PredictionLog Log,
    IProgressSink Progress)
{
    /// <summary>Whether the row at <paramref name="index"/> is a warm-up intent.</summary>
    public bool IsWarmup(int index) => index < Config.Warmup;

    /// <summary>Warnings already given in this scenario, so each is given once.</summary>
    public HashSet<string> Warnings { get; } = new(StringComparer.Ordinal);
}
