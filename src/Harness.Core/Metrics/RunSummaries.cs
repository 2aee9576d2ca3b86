using System.Collections.Immutable;

namespace Harness.Metrics;

/// <summary>Parse failures over all calls of a run (spec §3, §6).</summary>
/// <param name="Calls">Calls parsed.</param>
/// <param name="Failures">Calls whose output failed to parse (backend errors included).</param>
/// <param name="ByKind">Failures per failure kind wire name (e.g. <c>invalid_json</c>).</param>
/// <param name="ByTool">Failures per tool wire name.</param>
/// <param name="ClampedValues">Numbers clamped into range over all calls.</param>
/// <param name="UnknownKeys">Keys ignored over all calls.</param>
public sealed record ParseSummary(
    int Calls,
    int Failures,
    ImmutableSortedDictionary<string, int> ByKind,
    ImmutableSortedDictionary<string, int> ByTool,
    int ClampedValues,
    int UnknownKeys)
{
    /// <summary>$\frac{Failures}{Calls}$; 0 when there were no calls. Lower is better.</summary>
    public double Rate => Calls == 0 ? 0 : (double)Failures / Calls;
}

/// <summary>Latency percentiles in milliseconds (spec §5). Lower is better.</summary>
public sealed record LatencyStats(int Count, double P50, double P90, double P95, double P99, double Mean, double Max);

/// <summary>Per-intent and per-call latency of one scenario.</summary>
public sealed record LatencySummary(LatencyStats PerIntent, LatencyStats PerCall);

/// <summary>Throughput of one scenario. Higher is better.</summary>
public sealed record ThroughputSummary(double IntentsPerSecond, double OutputTokensPerSecond);

/// <summary>Cost per 1,000 intents and how it was computed (e.g. <c>hardware: 0.50 USD/h x wall time</c>).</summary>
public sealed record CostSummary(double UsdPer1kIntents, string Basis);

/// <summary>Identifies what was measured (spec §6 <c>run</c>).</summary>
/// <remarks>
/// <see cref="ModelId"/> is the config's optional <c>model_id</c>: backends that declare the same
/// one carry the same weights through a different engine or file format, and reports compare
/// their outputs. metrics.json holds it as <c>run.model_id</c> only when declared.
/// </remarks>
public sealed record RunIdentity(
    string Id,
    string Backend,
    string Model,
    string? ModelSha256,
    string Dataset,
    string DatasetSha256,
    string Scenario,
    string Device,
    DateTimeOffset StartedAt,
    string HarnessVersion,
    string? ModelId = null);

/// <summary>
/// The whole machine-readable result of one backend in one scenario: what
/// <c>metrics.json</c> holds. Latency, throughput and cost are null when the
/// predictions were scored without being run (<c>harness score</c>); <see cref="Image"/> is
/// null unless the config asked for the image-space metric (<c>image_metric</c>). <see cref="Server"/>
/// is the server scenario's verdict, null in the other scenarios.
/// </summary>
public sealed record EvaluationMetrics(
    RunIdentity Run,
    ImmutableArray<SubsetMetrics> Subsets,
    ParseSummary Parse,
    LatencySummary? Latency,
    ThroughputSummary? Throughput,
    CostSummary? Cost,
    Images.ImageDifference? Image = null,
    ServerSummary? Server = null)
{
    public SubsetMetrics Subset(string name) => Subsets.First(s => s.Name == name);
}
