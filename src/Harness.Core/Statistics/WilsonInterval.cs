using MathNet.Numerics.Distributions;

namespace Harness.Statistics;

/// <summary>
/// The Wilson score interval of a proportion k/n (Wilson 1927; Newcombe 1998's method 3): unlike
/// the normal approximation it stays inside [0, 1] and is sound for the small n of an annotation
/// study (15 intents).
/// </summary>
public static class WilsonInterval
{
    /// <summary>The interval of <paramref name="k"/> successes in <paramref name="n"/> trials at <paramref name="confidence"/>; (0, 1) when n is 0.</summary>
    public static (double Low, double High) Of(int k, int n, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (k < 0 || k > n) throw new ArgumentOutOfRangeException(nameof(k), $"k must be within 0..{n}.");
        if (n == 0) return (0, 1);
        var z = Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);
        var p = (double)k / n;
        var z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return (k == 0 ? 0 : Math.Max(0, centre - half), k == n ? 1 : Math.Min(1, centre + half));
    }
}
