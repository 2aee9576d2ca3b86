using Harness.Tools;

namespace Harness.Running;

/// <summary>
/// MLPerf LoadGen's server: intents arrive at seeded Poisson times at the target rate and are issued
/// when they arrive, whether or not earlier ones are answered (<see cref="LoadGenerator"/>); an
/// intent's latency runs from its arrival to its third tool output, queueing included. First the
/// warm-up intents run one at a time, untimed; then the timed run; then any row the timed run did
/// not reach (fewer intents than rows) is answered one intent at a time, for quality only, so that
/// quality is scored over every row as in the other scenarios and does not change with load.
/// A resumed run keeps the calls already recorded (for quality) but times the whole schedule again:
/// a tail percentile stitched from two runs is not one run's.
/// </summary>
internal static class ServerScenario
{
    public static async Task<ServerMeasurement> RunAsync(ScenarioContext context, ServerConfig server, CancellationToken cancellationToken)
    {
        await WarmUpAsync(context, cancellationToken);
        var qps = server.QpsFor(context.Entry);
        ServerMeasurement measurement;
        if (server.FindPeak)
        {
            var (run, probes) = await PeakFinder.FindAsync(context, server, qps, cancellationToken);
            measurement = run with { Probes = probes };
        }
        else
        {
            var arrivals = ArrivalSchedule.Poisson(qps, server.IntentCount(qps, context.Rows.Count), server.Seed);
            measurement = await LoadGenerator.RunAsync(context, arrivals, server, qps, cancellationToken);
        }
        await SingleStreamScenario.RunAsync(context, cancellationToken);
        return measurement;
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
