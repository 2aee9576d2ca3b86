using Harness.Metrics;
using MathNet.Numerics.Statistics;

namespace Harness.Statistics;

/// <summary>
/// Latency percentiles in milliseconds (spec §5), computed with MathNet.Numerics
/// (quantile definition R7, as NumPy's default). Lower is better for all of them.
/// </summary>
public static class LatencyStatsCalculator
{
    /// <summary>
    /// p50, p90, p95, p99, mean and max of the samples. No samples: count 0 and every
    /// statistic 0. One sample: every statistic is that sample.
    /// </summary>
    public static LatencyStats From(IReadOnlyList<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        if (milliseconds.Count == 0) return new LatencyStats(0, 0, 0, 0, 0, 0, 0);
        var sorted = milliseconds.ToArray();
        Array.Sort(sorted);
        double P(double tau) => SortedArrayStatistics.QuantileCustom(sorted, tau, QuantileDefinition.R7);
        return new LatencyStats(
            sorted.Length,
            P(0.50),
            P(0.90),
            P(0.95),
            P(0.99),
            sorted.Mean(),
            sorted[^1]);
    }

    /// <summary>
    /// The <paramref name="percent"/>th percentile (0 to 100) of the samples, by the same definition
    /// as <see cref="From"/>; 0 with no samples.
    /// </summary>
    public static double Percentile(IReadOnlyList<double> milliseconds, double percent)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        if (milliseconds.Count == 0) return 0;
        var sorted = milliseconds.ToArray();
        Array.Sort(sorted);
        return SortedArrayStatistics.QuantileCustom(sorted, percent / 100, QuantileDefinition.R7);
    }
}
