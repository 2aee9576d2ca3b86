namespace Harness.Metrics;

/// <summary>A two-sided 95% percentile bootstrap interval.</summary>
public sealed record Interval(double Lower, double Upper)
{
    /// <summary>True when <paramref name="value"/> lies inside (inclusive).</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
