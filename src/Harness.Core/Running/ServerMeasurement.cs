using System.Collections.Immutable;
using System.Globalization;
using Harness.Formatting;
using Harness.Metrics;
using Harness.Statistics;

namespace Harness.Running;

/// <summary>
/// What one timed server run measured, in this process (never stitched from an earlier, interrupted one).
/// </summary>
/// <param name="TargetQps">The rate the arrivals were drawn at.</param>
/// <param name="IntentLatencyMs">Per intent, from its scheduled arrival to its third tool output.</param>
/// <param name="CallLatencyMs">Per call, from its intent's scheduled arrival to its output.</param>
/// <param name="IssueLagMs">Per intent, how late the load generator handed its first call to the backend after its arrival or after the worker became free, whichever was later: its own pickup time.</param>
/// <param name="LastArrivalSeconds">The last scheduled arrival, from the start.</param>
/// <param name="DurationSeconds">From the start (time 0 of the schedule) to the last answer.</param>
/// <param name="FailedCalls">Calls that failed (an error or a timeout).</param>
/// <param name="InputTokens">Input tokens over every timed call.</param>
/// <param name="OutputTokens">Output tokens over every timed call.</param>
/// <param name="Probes">With peak finding, every probe (this run is the one at the capacity); default otherwise.</param>
/// <param name="Concurrency">How many calls the backend was given at once.</param>
internal sealed record ServerMeasurement(
    double TargetQps,
    double[] IntentLatencyMs,
    double[] CallLatencyMs,
    double[] IssueLagMs,
    double LastArrivalSeconds,
    double DurationSeconds,
    int FailedCalls,
    long InputTokens,
    long OutputTokens,
    ImmutableArray<ServerProbe> Probes = default,
    int Concurrency = 1)
{
    /// <summary>
    /// The verdict against <paramref name="server"/>'s bound, with LoadGen's rules: enough intents, no failure, the percentile
    /// within the bound; with probes, the capacity and (from <paramref name="usdPerHour"/>) its cost.
    /// </summary>
    public ServerSummary Summarize(ServerConfig server, double? usdPerHour = null)
    {
        var n = IntentLatencyMs.Length;
        var percentile = LatencyStatsCalculator.Percentile(IntentLatencyMs, server.Percentile);
        var bound = server.LatencyBoundMs;
        var name = "p" + server.Percentile.ToString("0.###", CultureInfo.InvariantCulture);
        var (valid, reason) =
            n < server.MinimumIntents ? (false, $"{Fmt.Int(n)} intents are too few for {name}: at least {Fmt.Int(server.MinimumIntents)} are needed so that one lies beyond it (raise duration_s or rows)")
            : FailedCalls > 0 ? (false, $"{Fmt.Int(FailedCalls)} calls failed (errors or timeouts), and a failure's latency is not an answer's")
            : percentile > bound ? (false, $"{name} latency {Fmt.Ms(percentile)} ms is over the {Fmt.Ms(bound)} ms bound: reduce target_qps")
            : (true, $"{name} latency {Fmt.Ms(percentile)} ms is within the {Fmt.Ms(bound)} ms bound");
        return new ServerSummary(
            TargetQps,
            LastArrivalSeconds > 0 ? n / LastArrivalSeconds : TargetQps,
            DurationSeconds > 0 ? n / DurationSeconds : 0,
            bound, server.Percentile, percentile,
            LatencyStatsCalculator.Percentile(IntentLatencyMs, 99.9),
            n == 0 ? 0 : IntentLatencyMs.Count(l => l > bound) / (double)n,
            n, DurationSeconds,
            LatencyStatsCalculator.Percentile(IssueLagMs, 99),
            valid, reason, Peak(usdPerHour), Concurrency,
            QuantileInterval.Of(IntentLatencyMs, server.Percentile));
    }

    private PeakSummary? Peak(double? usdPerHour)
    {
        if (Probes.IsDefault) return null;
        var capacity = Probes.Where(p => p.Valid).Select(p => (double?)p.TargetQps).Max();
        return new PeakSummary(capacity, usdPerHour is { } price && capacity is > 0 ? price / (capacity.Value * 3600) * 1000 : null, Probes);
    }
}
