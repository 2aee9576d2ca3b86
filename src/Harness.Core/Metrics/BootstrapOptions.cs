namespace Harness.Metrics;

/// <summary>How bootstrap intervals are drawn: a seeded percentile bootstrap over rows.</summary>
/// <param name="Seed">Random seed; the same seed gives the same intervals.</param>
/// <param name="Resamples">Resamples per interval (spec §4: 1,000).</param>
public sealed record BootstrapOptions(int Seed = 20241002, int Resamples = 1000)
{
    /// <summary>The spec's defaults.</summary>
    public static BootstrapOptions Default { get; } = new();
}
