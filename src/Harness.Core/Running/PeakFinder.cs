using System.Collections.Immutable;
using System.Globalization;
using Harness.Metrics;

namespace Harness.Running;

/// <summary>
/// LoadGen's peak finding (<c>server: { find_peak: true }</c>): the highest <c>target_qps</c>
/// whose run is VALID. A coarse ramp from the configured rate, doubling while VALID (or halving
/// while INVALID), brackets it; then <see cref="BisectionSteps"/> bisections narrow it. Every probe
/// is a whole timed run of its own with at least <see cref="ProbeTailIntents"/> intents beyond the
/// percentile (500 at p99), so each tail rests on enough intents.
/// </summary>
internal static class PeakFinder
{
    /// <summary>The most doublings (or halvings) of the ramp: 4,096× the starting rate.</summary>
    public const int RampSteps = 12;

    /// <summary>Bisections after the ramp: the capacity is known to within 1/32 of the bracket.</summary>
    public const int BisectionSteps = 5;

    /// <summary>The fewest intents of a probe beyond its percentile.</summary>
    public const int ProbeTailIntents = 5;

    /// <summary>Finds the capacity; returns the run at it (or at the lowest rate tried, when none was VALID) and every probe, by rate.</summary>
    public static async Task<(ServerMeasurement Run, ImmutableArray<ServerProbe> Probes)> FindAsync(
        ScenarioContext context, ServerConfig server, double start, CancellationToken cancellationToken)
    {
        var probes = new List<ServerProbe>();
        var runs = new Dictionary<double, ServerMeasurement>();

        async Task<bool> Probe(double qps)
        {
            var intents = Math.Max(server.IntentCount(qps, context.Rows.Count), server.MinimumIntents * ProbeTailIntents);
            var run = await LoadGenerator.RunAsync(context, ArrivalSchedule.Poisson(qps, intents, server.Seed), server, qps, record: true, cancellationToken);
            var summary = run.Summarize(server);
            runs[qps] = run;
            probes.Add(new ServerProbe(qps, summary.AchievedQps, summary.PercentileMs, summary.Valid, summary.PercentileCi95Ms));
            context.Progress.Log(string.Create(CultureInfo.InvariantCulture,
                $"{context.Entry.Label}/server: probe at {qps:0.###} intents/s ({intents} intents): p{server.Percentile:0.###} {summary.PercentileMs:0.##} ms, {(summary.Valid ? "VALID" : "INVALID")}"));
            return summary.Valid;
        }

        double? valid = null, invalid = null;
        var rate = start;
        for (var step = 0; step <= RampSteps && (valid is null || invalid is null); step++)
        {
            if (await Probe(rate)) valid = rate;
            else invalid = rate;
            rate = valid is null ? rate / 2 : rate * 2;
        }
        for (var step = 0; step < BisectionSteps && valid is { } low && invalid is { } high; step++)
        {
            var middle = (low + high) / 2;
            if (await Probe(middle)) valid = middle;
            else invalid = middle;
        }
        var at = valid ?? runs.Keys.Min();
        return (runs[at], [.. probes.OrderBy(p => p.TargetQps)]);
    }
}
