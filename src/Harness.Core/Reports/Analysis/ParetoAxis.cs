using Harness.Formatting;
using Harness.Metrics;

namespace Harness.Reports.Analysis;

/// <summary>What a Pareto chart puts on its x axis, lower being better: a measure of one result, null where not measured.</summary>
/// <param name="Name">Short name for captions (<c>latency</c>, <c>cost</c>).</param>
/// <param name="Title">The axis title with its unit.</param>
/// <param name="Unit">The unit after a value in running text.</param>
/// <param name="Value">The measure of one result.</param>
/// <param name="Format">The measure as report text.</param>
internal sealed record ParetoAxis(string Name, string Title, string Unit, Func<EvaluationMetrics, double?> Value, Func<double, string> Format)
{
    /// <summary>Median latency per intent (all three tool calls), warm-up excluded.</summary>
    public static ParetoAxis Latency { get; } = new(
        "latency", "p50 latency per intent (ms)", "ms", m => m.Latency is { PerIntent.Count: > 0 } l ? l.PerIntent.P50 : null, Fmt.Ms);

    /// <summary>Cost per 1,000 intents, from wall time or tokens.</summary>
    public static ParetoAxis Cost { get; } = new(
        "cost", "USD per 1,000 intents", "USD per 1,000 intents", m => m.Cost?.UsdPer1kIntents, Fmt.Usd);

    public static IReadOnlyList<ParetoAxis> Both { get; } = [Latency, Cost];
}
