using Harness.Tools;

namespace Harness.Running;

/// <summary>
/// MLPerf's offline: every call, in batches of the backend's <c>batch_size</c>, for
/// throughput. Each call's latency is its batch's wall time divided by the batch
/// size (its share of the machine), so an intent's latency is the sum of its three
/// shares and the scenario's wall time is the sum of the batch times. Warm-up
/// intents run first, in batches of their own.
/// </summary>
internal static class OfflineScenario
{
    public static async Task RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var pending = context.Rows
            .SelectMany(row => ToolSchema.All.Select(t => new PlannedCall(row, t, context.IsWarmup(row))))
            .Where(c => !context.Log.IsDone(c.Row.Id, c.Tool))
            .ToList();
        var size = context.Entry.BatchSize;
        foreach (var phase in new[] { pending.Where(c => c.Warmup), pending.Where(c => !c.Warmup) })
        {
            foreach (var batch in phase.Chunk(size))
                await CallExecutor.RunAsync(context, batch, amortize: true, cancellationToken);
        }
    }
}
