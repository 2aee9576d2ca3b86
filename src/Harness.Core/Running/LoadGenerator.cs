using System.Diagnostics;
using System.Threading.Channels;
using Harness.Tools;

namespace Harness.Running;

/// <summary>
/// The server scenario's clock and queue. A dedicated thread issues each intent at its scheduled
/// arrival (open loop: it never waits for an answer), putting its three calls in a FIFO queue; one
/// worker serves the queue. A backend that batches gets the calls waiting, up to its
/// <c>batch_size</c>, sending a partial batch once its oldest call has waited
/// <c>max_batch_delay_ms</c>; one that does not gets one call at a time. Each call's answer is
/// recorded in the prediction log the first time its (intent, tool) is answered, so quality is
/// scored as in the other scenarios; latencies are kept in memory for this run only.
/// </summary>
internal static class LoadGenerator
{
    // The dispatcher sleeps while the next arrival is further off than this, and spins closer in:
    // a sleep wakes up to about a millisecond late, a spin on the stopwatch within microseconds.
    private static readonly long SpinTicks = Stopwatch.Frequency * 3 / 2000;

    private sealed class Intent(long arrival)
    {
        public long Arrival { get; } = arrival;

        public int Left { get; set; } = ToolSchema.All.Length;
    }

    private sealed record Queued(int Index, Intent Intent, PlannedCall Call);

    /// <param name="context">The scenario; its rows are cycled through when there are more intents than rows.</param>
    /// <param name="arrivals">Arrival times in seconds (<see cref="ArrivalSchedule"/>).</param>
    /// <param name="server">The settings (batch delay).</param>
    /// <param name="qps">The rate <paramref name="arrivals"/> were drawn at.</param>
    /// <param name="cancellationToken">The run's cancellation: stops issuing and ends after the call in flight.</param>
    public static async Task<ServerMeasurement> RunAsync(
        ScenarioContext context, IReadOnlyList<double> arrivals, ServerConfig server, double qps, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<Queued>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var intentLatency = new double[arrivals.Count];
        var callLatency = new double[arrivals.Count * ToolSchema.All.Length];
        var lags = new double[arrivals.Count];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var start = Stopwatch.GetTimestamp();
        var dispatcher = new Thread(() => Dispatch(context, arrivals, start, channel.Writer, lags, stop.Token))
        {
            IsBackground = true,
            Name = "harness server load generator",
            Priority = ThreadPriority.AboveNormal,
        };
        dispatcher.Start();
        var size = context.Backend.Info.SupportsBatching ? context.Entry.BatchSize : 1;
        var delay = (long)(server.MaxBatchDelayMs / 1000 * Stopwatch.Frequency);
        int failed = 0;
        long input = 0, output = 0, last = start;
        try
        {
            var batch = new List<Queued>(size);
            while (await channel.Reader.WaitToReadAsync(stop.Token))
            {
                batch.Clear();
                await FillAsync(channel.Reader, batch, size, delay, stop.Token);
                if (batch.Count == 0) continue;
                var outcome = await CallExecutor.CallAsync(context, [.. batch.Select(q => q.Call)], stop.Token);
                var done = Stopwatch.GetTimestamp();
                last = done;
                for (var i = 0; i < batch.Count; i++)
                {
                    var (index, intent, call) = batch[i];
                    var response = outcome.Responses[i];
                    var latency = Stopwatch.GetElapsedTime(intent.Arrival, done).TotalMilliseconds;
                    callLatency[index * ToolSchema.All.Length + (intent.Left - 1)] = latency;
                    if (--intent.Left == 0) intentLatency[index] = latency;
                    if (CallExecutor.Error(response) is not null) failed++;
                    input += Math.Max(0, response?.InputTokens ?? 0);
                    output += Math.Max(0, response?.OutputTokens ?? 0);
                    if (context.Log.IsDone(call.Row.Id, call.Tool)) continue;
                    CallExecutor.Record(context, call, response, latency);
                    context.Progress.Advance(1);
                }
                if (outcome.Fatal is not null) throw outcome.Fatal;
            }
        }
        finally
        {
            stop.Cancel();
            dispatcher.Join();
        }
        return new ServerMeasurement(qps, intentLatency, callLatency, lags,
            arrivals.Count == 0 ? 0 : arrivals[^1], Stopwatch.GetElapsedTime(start, last).TotalSeconds, failed, input, output);
    }

    // Takes the oldest waiting call, then more up to size; a partial batch goes once the oldest has waited the delay.
    private static async Task FillAsync(ChannelReader<Queued> reader, List<Queued> batch, int size, long delay, CancellationToken cancellationToken)
    {
        if (!reader.TryRead(out var first)) return;
        batch.Add(first);
        var deadline = first.Intent.Arrival + delay;
        while (batch.Count < size)
        {
            if (reader.TryRead(out var next))
            {
                batch.Add(next);
                continue;
            }
            var left = deadline - Stopwatch.GetTimestamp();
            if (left <= 0) return;
            var more = reader.WaitToReadAsync(cancellationToken).AsTask();
            var wait = Task.Delay(TimeSpan.FromSeconds((double)left / Stopwatch.Frequency), cancellationToken);
            if (await Task.WhenAny(more, wait) != more || !await more) return;
        }
    }

    // The dedicated thread: issue intent k at start + arrivals[k], whatever the queue holds.
    private static void Dispatch(ScenarioContext context, IReadOnlyList<double> arrivals, long start, ChannelWriter<Queued> writer, double[] lags, CancellationToken cancellationToken)
    {
        try
        {
            for (var k = 0; k < arrivals.Count; k++)
            {
                var due = start + (long)(arrivals[k] * Stopwatch.Frequency);
                if (!WaitUntil(due, cancellationToken)) return;
                lags[k] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                var row = context.Rows[k % context.Rows.Count];
                var intent = new Intent(due);
                foreach (var tool in ToolSchema.All)
                    writer.TryWrite(new Queued(k, intent, new PlannedCall(row, tool, Warmup: false)));
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    // Sleeps while the moment is far, spins when near; false when cancelled first.
    private static bool WaitUntil(long due, CancellationToken cancellationToken)
    {
        var spin = default(SpinWait);
        while (true)
        {
            if (cancellationToken.IsCancellationRequested) return false;
            var left = due - Stopwatch.GetTimestamp();
            if (left <= 0) return true;
            if (left > SpinTicks) Thread.Sleep(1);
            else spin.SpinOnce(sleep1Threshold: -1);
        }
    }
}
