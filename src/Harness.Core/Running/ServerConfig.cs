namespace Harness.Running;

/// <summary>
/// The <c>server</c> scenario's settings (top-level <c>server:</c> in eval.yaml), after MLPerf
/// LoadGen's server mode: intents arrive as a seeded Poisson process at <see cref="TargetQps"/>
/// and the run is valid only if the <see cref="Percentile"/>th latency stays under the bound.
/// </summary>
/// <param name="TargetQps">Offered load, intents per second (&gt; 0); a backend's own <c>target_qps</c> overrides it.</param>
/// <param name="LatencyBoundMs">The tail latency bound in milliseconds (&gt; 0).</param>
/// <param name="Percentile">The percentile held to the bound, in (0, 100).</param>
/// <param name="DurationSeconds">How long intents arrive (<c>duration_s</c>): target_qps x duration_s intents; null when <c>rows</c> or neither is given.</param>
/// <param name="Intents">How many intents arrive (<c>rows</c>); null when not given. Neither: one per dataset row.</param>
/// <param name="Seed">Seed of the arrival times.</param>
/// <param name="MaxBatchDelayMs">How long a backend that batches waits for a batch to fill before it sends a partial one (<c>max_batch_delay_ms</c>).</param>
/// <param name="FindPeak">Search for the highest VALID rate from <see cref="TargetQps"/> (<c>find_peak</c>, <see cref="PeakFinder"/>) instead of one run at it.</param>
public sealed record ServerConfig(
    double TargetQps,
    double LatencyBoundMs,
    double Percentile,
    double? DurationSeconds,
    int? Intents,
    int Seed,
    double MaxBatchDelayMs,
    bool FindPeak = false)
{
    /// <summary>The default of <c>percentile</c>, as MLPerf's server scenario.</summary>
    public const double DefaultPercentile = 99;

    /// <summary>The default of <c>max_batch_delay_ms</c>.</summary>
    public const double DefaultMaxBatchDelayMs = 2;

    /// <summary>The rate <paramref name="backend"/> is offered: its own <c>target_qps</c>, else the scenario's.</summary>
    public double QpsFor(BackendConfig backend) => backend.TargetQps ?? TargetQps;

    /// <summary>How many intents arrive at <paramref name="qps"/> over a dataset of <paramref name="rows"/> rows.</summary>
    public int IntentCount(double qps, int rows) =>
        Intents ?? (DurationSeconds is { } seconds ? Math.Max(1, (int)Math.Round(qps * seconds)) : rows);

    /// <summary>
    /// The fewest intents for which the <see cref="Percentile"/>th latency rests on at least one
    /// intent beyond it: 100 at p99, 1,000 at p99.9.
    /// </summary>
    public int MinimumIntents => (int)Math.Ceiling(Math.Round(100 / (100 - Percentile), 6));
}
