namespace Harness.Metrics;

/// <summary>How bootstrap intervals are drawn: a seeded percentile bootstrap over rows.</summary>
/// <param name="Seed">Random seed; the same seed gives the same intervals.</param>
/// <param name="Resamples">Resamples per interval (spec §4: 1,000).</param>
public sealed record BootstrapOptions(int Seed = BootstrapOptions.DefaultSeed, int Resamples = BootstrapOptions.DefaultResamples)
{
    /// <summary>The seed every command and config uses unless told otherwise (eval.yaml <c>seed</c>, gate.yaml <c>bootstrap.seed</c>, <c>--seed</c>).</summary>
    public const int DefaultSeed = 20241002;

    /// <summary>Resamples per interval unless told otherwise (spec §4).</summary>
    public const int DefaultResamples = 1000;

    /// <summary>The spec's defaults.</summary>
    public static BootstrapOptions Default { get; } = new();
}
