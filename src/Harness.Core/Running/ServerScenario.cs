using System.Globalization;
using Harness.Tools;

namespace Harness.Running;

/// <summary>
/// MLPerf LoadGen's server: intents arrive at seeded Poisson times at the target rate and are issued
/// when they arrive, whether or not earlier ones are answered (<see cref="LoadGenerator"/>); an
/// intent's latency runs from its arrival to its third tool output, queueing included. First the
/// warm-up intents run one at a time, untimed, then <see cref="LoadWarmUpSeconds"/> of arrivals at
/// the starting rate, untimed and not recorded (a cold first probe, its code not yet compiled and
/// its full batches never run, was INVALID at rates its warm neighbours passed; <c>warmup: 0</c>
/// turns both off); then the timed run (or the probes of peak finding); then any row the timed run did
/// not reach (fewer intents than rows) is answered one intent at a time, for quality only, so that
/// quality is scored over every row as in the other scenarios and does not change with load.
/// A resumed run keeps the calls already recorded (for quality) but times the whole schedule again:
/// a tail percentile stitched from two runs is not one run's.
/// </summary>
internal static class ServerScenario
{
    /// <summary>How long intents arrive in the warm-up under load, at the rate the run (or the ramp) starts from.</summary>
    public const double LoadWarmUpSeconds = 1;

    public static async Task<ServerMeasurement> RunAsync(ScenarioContext context, ServerConfig server, CancellationToken cancellationToken)
    {
        await WarmUpAsync(context, cancellationToken);
        var qps = server.QpsFor(context.Entry);
        if (context.Config.Warmup > 0) await WarmUpUnderLoadAsync(context, server, qps, cancellationToken);
        ServerMeasurement measurement;
        if (server.FindPeak)
        {
            var (run, probes) = await PeakFinder.FindAsync(context, server, qps, cancellationToken);
            measurement = run with { Probes = probes };
        }
        else
        {
            var arrivals = ArrivalSchedule.Poisson(qps, server.IntentCount(qps, context.Rows.Count), server.Seed);
            measurement = await LoadGenerator.RunAsync(context, arrivals, server, qps, record: true, cancellationToken);
        }
        await SingleStreamScenario.RunAsync(context, cancellationToken);
        return measurement;
    }

    // Untimed arrivals at the starting rate, their answers dropped: the serving path (queue, workers, full batches) runs warm from the first timed intent.
    private static async Task WarmUpUnderLoadAsync(ScenarioContext context, ServerConfig server, double qps, CancellationToken cancellationToken)
    {
        var intents = Math.Max(1, (int)Math.Ceiling(qps * LoadWarmUpSeconds));
        context.Progress.Log(string.Create(CultureInfo.InvariantCulture,
            $"{context.Entry.Label}/server: warm-up under load, {intents} intents at {qps:0.###} intents/s (untimed)"));
        await LoadGenerator.RunAsync(context, ArrivalSchedule.Poisson(qps, intents, server.Seed + 1), server, qps, record: false, cancellationToken);
    }

    // The warm-up intents, as in single-stream: a call not yet recorded is recorded (a warm-up call), one already recorded is only made.
    private static async Task WarmUpAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var size = context.Backend.Info.SupportsBatching ? ToolSchema.All.Length : 1;
        foreach (var row in context.Rows.Take(context.Config.Warmup))
        {
            foreach (var batch in ToolSchema.All.Select(t => new PlannedCall(row, t, Warmup: true)).Chunk(size))
            {
                var pending = batch.Where(c => !context.Log.IsDone(c.Row.Id, c.Tool)).ToList();
                if (pending.Count > 0) await CallExecutor.RunAsync(context, pending, amortize: false, cancellationToken);
                var done = batch.Except(pending).ToList();
                if (done.Count > 0) await CallExecutor.WarmAsync(context, done, cancellationToken);
            }
        }
    }
}
