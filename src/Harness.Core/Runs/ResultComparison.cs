using System.Collections.Immutable;
using Harness.Metrics;

namespace Harness.Runs;

/// <summary>
/// One result compared with a reference result on the same rows: the paired-bootstrap
/// difference (result − reference) of every final and overall, or why there is none.
/// </summary>
/// <param name="Reference">The label of the result compared against (the first one).</param>
/// <param name="Label">The label of the result compared.</param>
/// <param name="Differences">Differences per subset and metric, or null when the rows differ.</param>
/// <param name="NoPairingReason">Plainly why no paired interval exists, when <paramref name="Differences"/> is null.</param>
public sealed record ResultComparison(string Reference, string Label, ImmutableArray<MetricDifference>? Differences, string? NoPairingReason)
{
    /// <summary>The order reports list the metrics in: overall, then the tools in canonical order.</summary>
    public static ImmutableArray<string> MetricOrder { get; } = ["overall", .. PairedBootstrap.Metrics.Where(m => m != "overall")];

    /// <summary>The difference of one metric on one subset, or null.</summary>
    public MetricDifference? Find(string subset, string metric) =>
        Differences?.FirstOrDefault(d => d.Subset == subset && d.Metric == metric);
}
