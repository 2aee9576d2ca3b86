using System.Collections.Immutable;
using Harness.Gate.Rules;
using Harness.Metrics;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Gate;

/// <summary>
/// A release manager's promotion policy (gate.yaml). Every threshold is optional; the gate
/// checks the ones present. See gate.example.yaml at the repository root for each key.
/// </summary>
/// <param name="Subset">Subset the score rules read: <c>all</c>, <c>r3</c> or <c>r5</c>.</param>
/// <param name="MinOverall">Minimum overall score.</param>
/// <param name="MinToolFinal">Minimum final per tool.</param>
/// <param name="NonInferiority">Margin per metric (<c>overall</c>, <c>adjust.final</c>, ...); needs a baseline.</param>
/// <param name="MaxP95LatencyMs">Per-intent p95 budget per scenario, in milliseconds.</param>
/// <param name="MaxCostPer1kIntents">Budget in USD per 1,000 intents.</param>
/// <param name="MaxParseFailureRate">Maximum share of calls that failed to parse, in [0, 1].</param>
/// <param name="Resamples">Paired-bootstrap resamples.</param>
/// <param name="Seed">Paired-bootstrap seed.</param>
/// <param name="Capacity">Server-scenario capacity requirements (<c>min_capacity</c>), or null.</param>
/// <param name="ServerTail">A tail latency budget at a given rate in the server scenario (<c>max_server_tail_ms</c>), or null.</param>
public sealed record GatePolicy(
    string Subset,
    double? MinOverall,
    ImmutableSortedDictionary<ToolName, double> MinToolFinal,
    ImmutableSortedDictionary<string, double> NonInferiority,
    ImmutableSortedDictionary<string, double> MaxP95LatencyMs,
    double? MaxCostPer1kIntents,
    double? MaxParseFailureRate,
    int Resamples = BootstrapOptions.DefaultResamples,
    int Seed = BootstrapOptions.DefaultSeed,
    CapacityRequirement? Capacity = null,
    ServerTailBudget? ServerTail = null)
{
    /// <summary>The metrics a non-inferiority rule can name (the paired comparison's metric names).</summary>
    public static ImmutableArray<string> ComparableMetrics { get; } = ["overall", "adjust.final", "selective_adjust.final", "filter.final"];

    /// <summary>True when some rule compares against a baseline.</summary>
    public bool NeedsBaseline => !NonInferiority.IsEmpty || Capacity?.VsBaseline is not null;

    /// <summary>The rules in policy order: scores, non-inferiority, latency, cost, parse failures.</summary>
    public ImmutableArray<IGateRule> Rules()
    {
        var rules = ImmutableArray.CreateBuilder<IGateRule>();
        if (MinOverall is { } overall) rules.Add(new MinOverallRule(overall));
        foreach (var (tool, min) in MinToolFinal) rules.Add(new MinToolFinalRule(tool, min));
        foreach (var metric in ComparableMetrics.Where(NonInferiority.ContainsKey)) rules.Add(new NonInferiorityRule(metric, NonInferiority[metric]));
        foreach (var (scenario, ms) in MaxP95LatencyMs.OrderBy(kv => kv.Key == ScenarioNames.SingleStream ? 0 : 1)) rules.Add(new MaxP95LatencyRule(scenario, ms));
        if (Capacity is { MinQps: { } qps }) rules.Add(new MinCapacityRule(Capacity.LatencyBoundMs, qps));
        if (Capacity is { VsBaseline: { } share }) rules.Add(new CapacityVsBaselineRule(Capacity.LatencyBoundMs, share));
        if (ServerTail is { } tail) rules.Add(new MaxServerTailRule(tail.Qps, tail.MaxMs));
        if (MaxCostPer1kIntents is { } cost) rules.Add(new MaxCostRule(cost));
        if (MaxParseFailureRate is { } rate) rules.Add(new MaxParseFailureRateRule(rate));
        return rules.ToImmutable();
    }
}

/// <summary><c>min_capacity</c>: at <paramref name="LatencyBoundMs"/>, a capacity of at least <paramref name="MinQps"/> and/or <paramref name="VsBaseline"/> of the baseline's.</summary>
public sealed record CapacityRequirement(double LatencyBoundMs, double? MinQps, double? VsBaseline);

/// <summary><c>max_server_tail_ms</c>: at <paramref name="Qps"/> intents per second, the server run's tail percentile at most <paramref name="MaxMs"/>.</summary>
public sealed record ServerTailBudget(double Qps, double MaxMs);
