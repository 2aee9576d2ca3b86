using System.Collections.Immutable;

namespace Harness.Metrics;

/// <summary>
/// The server scenario's verdict (MLPerf LoadGen's server mode): the load offered, the rate
/// achieved, the tail latency against its bound, and whether the run is VALID. An intent's
/// latency runs from its scheduled arrival to its third tool output, queueing included.
/// </summary>
/// <param name="TargetQps">The configured arrival rate, intents per second.</param>
/// <param name="OfferedQps">The rate of the seeded arrival schedule itself: intents ÷ the last arrival time (Poisson times scatter around the target).</param>
/// <param name="AchievedQps">Intents answered ÷ (the last answer's time − the first arrival). Higher is better; below <see cref="OfferedQps"/> when the backend cannot keep up.</param>
/// <param name="LatencyBoundMs">The bound the <see cref="Percentile"/>th latency is held to.</param>
/// <param name="Percentile">The percentile held to the bound, in (0, 100).</param>
/// <param name="PercentileMs">The <see cref="Percentile"/>th per-intent latency (MathNet R7, as every percentile of the harness). Lower is better.</param>
/// <param name="P999Ms">The 99.9th per-intent latency. Lower is better.</param>
/// <param name="OverBoundShare">The share of intents whose latency is over the bound. Lower is better.</param>
/// <param name="Intents">Intents issued (and answered).</param>
/// <param name="DurationSeconds">From the first arrival to the last answer.</param>
/// <param name="IssueLagP99Ms">The 99th percentile of how late the load generator issued an intent after its scheduled arrival: the harness's own added latency (counted in every intent's latency).</param>
/// <param name="Valid">Whether the run is VALID: enough intents for the percentile, no failed call, and the percentile within the bound.</param>
/// <param name="Reason">Why it is VALID or INVALID, one sentence.</param>
/// <param name="Peak">With <c>find_peak</c>, the capacity found (and this summary is the run at it); otherwise null.</param>
/// <param name="Concurrency">How many calls the load generator gave the backend at once (the backend's <c>concurrency</c>; 1 in files written before it existed).</param>
/// <param name="PercentileCi95Ms">The 95% interval of <see cref="PercentileMs"/> from the order statistics (<c>QuantileInterval</c>): how far a tail measured on this many intents can be trusted; null in files written before it existed.</param>
public sealed record ServerSummary(
    double TargetQps,
    double OfferedQps,
    double AchievedQps,
    double LatencyBoundMs,
    double Percentile,
    double PercentileMs,
    double P999Ms,
    double OverBoundShare,
    int Intents,
    double DurationSeconds,
    double IssueLagP99Ms,
    bool Valid,
    string Reason,
    PeakSummary? Peak = null,
    int Concurrency = 1,
    Interval? PercentileCi95Ms = null);

/// <summary>
/// LoadGen's peak finding: the highest rate whose run was VALID, what an intent costs there, and
/// every probe. Null capacity when no rate tried was VALID.
/// </summary>
/// <param name="CapacityQps">The highest VALID rate probed, intents per second. Higher is better.</param>
/// <param name="UsdPer1kIntentsAtCapacity">Hardware price per hour ÷ (capacity × 3,600) × 1,000; null without <c>usd_per_hour</c> or capacity. Lower is better.</param>
/// <param name="Probes">Each probe, by rate.</param>
public sealed record PeakSummary(double? CapacityQps, double? UsdPer1kIntentsAtCapacity, ImmutableArray<ServerProbe> Probes)
{
    /// <summary>Whether an INVALID probe above the capacity bounds it; when none did (the ramp ran out first) the capacity is only a lower bound.</summary>
    public bool Bracketed => CapacityQps is { } capacity && Probes.Any(p => !p.Valid && p.TargetQps > capacity);

    /// <inheritdoc />
    public bool Equals(PeakSummary? other) =>
        other is not null && CapacityQps == other.CapacityQps && UsdPer1kIntentsAtCapacity == other.UsdPer1kIntentsAtCapacity && Probes.SequenceEqual(other.Probes);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CapacityQps, UsdPer1kIntentsAtCapacity, Probes.Length);
}

/// <summary>One probe of the peak finding: a whole timed run at <paramref name="TargetQps"/>; <paramref name="PercentileCi95Ms"/> as <see cref="ServerSummary.PercentileCi95Ms"/>.</summary>
public sealed record ServerProbe(double TargetQps, double AchievedQps, double PercentileMs, bool Valid, Interval? PercentileCi95Ms = null);
