using MathNet.Numerics.Distributions;
using Harness.Metrics;

namespace Harness.Statistics;

/// <summary>
/// A distribution-free confidence interval of a percentile from its order statistics (the
/// binomial method; Conover, Practical Nonparametric Statistics, §3.2): the number of sample values
/// below the true q-quantile is Binomial(n, q), so [x₍r₎, x₍s₎] covers it with probability
/// P(r ≤ B ≤ s − 1). It tells how far a tail percentile measured on a few hundred intents can be
/// trusted: at p99 of 500 intents it runs from the 490th value to the largest.
/// </summary>
public static class QuantileInterval
{
    /// <summary>
    /// The interval of the <paramref name="percentile"/>th percentile of <paramref name="values"/> at
    /// <paramref name="confidence"/>: r the largest rank with P(B ≤ r − 1) ≤ α/2, s the smallest with
    /// P(B ≥ s) ≤ α/2, each kept within 1..n (at the sample's edge the bound is its smallest or largest
    /// value, and the coverage is then below <paramref name="confidence"/>). Null when there are no values.
    /// </summary>
    public static Interval? Of(IReadOnlyList<double> values, double percentile, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (percentile is <= 0 or >= 100) throw new ArgumentOutOfRangeException(nameof(percentile), "the percentile must be within (0, 100).");
        var n = values.Count;
        if (n == 0) return null;
        var sorted = values.Order().ToArray();
        var q = percentile / 100;
        var tail = (1 - confidence) / 2;
        var r = 1;
        while (r < n && Binomial.CDF(q, n, r) <= tail) r++;
        var s = n;
        while (s > 1 && 1 - Binomial.CDF(q, n, s - 2) <= tail) s--;
        return new Interval(sorted[r - 1], sorted[Math.Max(r, s) - 1]);
    }
}
