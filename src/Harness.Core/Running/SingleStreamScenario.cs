using Harness.Tools;

namespace Harness.Running;

/// <summary>
/// MLPerf's single-stream: one intent at a time, what a user of the app feels. A
/// backend that batches gets the intent's three tool calls as one batch (each call's
/// latency and the intent's latency are that batch's wall time); otherwise the
/// three calls run one after another (the intent's latency is their sum).
/// </summary>
internal static class SingleStreamScenario
{
    public static async Task RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var batched = context.Backend.Info.SupportsBatching;
        foreach (var row in context.Rows)
        {
            var pending = ToolSchema.All
                .Where(t => !context.Log.IsDone(row.Id, t))
                .Select(t => new PlannedCall(row, t, context.IsWarmup(row)))
                .ToList();
            if (pending.Count == 0) continue;
            if (batched)
            {
                await CallExecutor.RunAsync(context, pending, amortize: false, cancellationToken);
                continue;
            }
            foreach (var call in pending)
                await CallExecutor.RunAsync(context, [call], amortize: false, cancellationToken);
        }
    }

    /// <summary>Per-intent latency from its calls' latencies: the batch time when batched, else their sum.</summary>
    public static double IntentLatency(IEnumerable<double> callLatencies, bool batched) =>
        batched ? callLatencies.Max() : callLatencies.Sum();
}
