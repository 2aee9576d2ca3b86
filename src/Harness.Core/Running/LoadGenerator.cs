using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Harness.Backends;

namespace Harness.Running;

/// <summary>
/// The server scenario's load: intents arrive at their scheduled times into a <see cref="ServerQueue"/>
/// (open loop: nothing waits for an answer), and the backend's <c>concurrency</c> dedicated worker
/// threads serve it, each taking the oldest waiting calls (up to <c>batch_size</c> for a backend that
/// batches, a partial batch once its oldest call has waited <c>max_batch_delay_ms</c>; one call
/// otherwise) and calling the backend on its own thread, with requests made once before the clock
/// starts. Each call's answer is recorded in the prediction log the first time its (intent, tool)
/// is answered, so quality is scored as in the other scenarios; latencies are kept in memory for
/// this run only. This thread watches the workers: a call past its time limit is recorded as timed
/// out and its worker left to the backend, with a new one in its place; Ctrl+C waits a moment for
/// the calls in flight (their answers are kept) and then leaves them.
/// </summary>
internal sealed class LoadGenerator
{
    // How often the watch looks for a call past its limit, and how long a cancelled run waits for the calls in flight.
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(2);

    private readonly ScenarioContext _context;
    private readonly ServerCalls _calls;
    private readonly ServerQueue _queue;
    private readonly CancellationTokenSource _stop;
    private readonly long _start;
    private readonly long _limitTicks;
    private readonly List<LoadWorker> _workers = [];
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _live;
    private ExceptionDispatchInfo? _fatal;

    private LoadGenerator(ScenarioContext context, IReadOnlyList<double> arrivals, ServerConfig server, bool record, CancellationToken cancellationToken)
    {
        _context = context;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _limitTicks = (long)(context.Config.TimeoutSeconds * Stopwatch.Frequency);
        var offsets = arrivals.Select(a => (long)(a * Stopwatch.Frequency)).ToArray();
        _calls = new ServerCalls(context, offsets, record);
        // The clock starts once the calls are made ready: schedule times are offsets from here.
        _start = Stopwatch.GetTimestamp();
        for (var k = 0; k < offsets.Length; k++) offsets[k] += _start;
        var size = context.Backend.Info.SupportsBatching ? context.Entry.BatchSize : 1;
        _queue = new ServerQueue(_calls, size, (long)(server.MaxBatchDelayMs / 1000 * Stopwatch.Frequency), _stop.Token);
    }

    /// <param name="context">The scenario; its rows are cycled through when there are more intents than rows.</param>
    /// <param name="arrivals">Arrival times in seconds (<see cref="ArrivalSchedule"/>).</param>
    /// <param name="server">The settings (batch delay).</param>
    /// <param name="qps">The rate <paramref name="arrivals"/> were drawn at.</param>
    /// <param name="record">Whether answers are recorded in the prediction log (false: the untimed warm-up under load).</param>
    /// <param name="cancellationToken">The run's cancellation: stops taking calls, keeps the answers that arrive within a moment, and throws.</param>
    public static async Task<ServerMeasurement> RunAsync(
        ScenarioContext context, IReadOnlyList<double> arrivals, ServerConfig server, double qps, bool record, CancellationToken cancellationToken)
    {
        var generator = new LoadGenerator(context, arrivals, server, record, cancellationToken);
        try
        {
            await generator.ServeAsync(cancellationToken);
        }
        finally
        {
            generator._stop.Dispose();
        }
        var calls = generator._calls;
        return new ServerMeasurement(qps, calls.IntentLatencyMs, calls.CallLatencyMs, calls.IssueLagMs,
            arrivals.Count == 0 ? 0 : arrivals[^1], Stopwatch.GetElapsedTime(generator._start, Math.Max(generator._start, calls.LastAnswer)).TotalSeconds,
            calls.Failed, calls.InputTokens, calls.OutputTokens, Concurrency: context.Entry.Concurrency);
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        _live = Math.Max(1, _context.Entry.Concurrency);
        for (var i = 0; i < _live; i++) StartWorker();
        try
        {
            while (!_finished.Task.IsCompleted && !cancellationToken.IsCancellationRequested)
            {
                await Task.WhenAny(_finished.Task, Task.Delay(WatchInterval, cancellationToken));
                if (!cancellationToken.IsCancellationRequested) TimeOutLateCalls();
            }
        }
        finally
        {
            _stop.Cancel();
        }
        if (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: answers that arrive within the grace are finished calls and kept; the calls still out are left to their backend.
            await Task.WhenAny(_finished.Task, Task.Delay(CancelGrace, CancellationToken.None));
            while (!_finished.Task.IsCompleted)
            {
                LeaveCallsInFlight();
                await Task.WhenAny(_finished.Task, Task.Delay(10, CancellationToken.None));
            }
            throw new OperationCanceledException(cancellationToken);
        }
        _fatal?.Throw();
    }

    private void StartWorker()
    {
        var worker = new LoadWorker(_context.Backend, _calls, _queue, _start, _stop.Token);
        lock (_workers) _workers.Add(worker);
        var thread = new Thread(() => Serve(worker))
        {
            IsBackground = true,
            Name = "harness server worker",
            Priority = ThreadPriority.AboveNormal,
        };
        thread.Start();
    }

    private void Serve(LoadWorker worker)
    {
        try
        {
            var fatal = worker.Run();
            if (fatal is not null) Fail(ExceptionDispatchInfo.Capture(fatal));
        }
        catch (Exception ex)
        {
            // A failure of the harness's own (writing the log): the run ends with it, as in the other scenarios.
            Fail(ExceptionDispatchInfo.Capture(ex));
        }
        finally
        {
            if (!worker.Abandoned) Leave();
        }
    }

    private void Fail(ExceptionDispatchInfo fatal)
    {
        Interlocked.CompareExchange(ref _fatal, fatal, null);
        _stop.Cancel();
    }

    private void Leave()
    {
        if (Interlocked.Decrement(ref _live) == 0) _finished.TrySetResult();
    }

    // A call past its limit fails as a timeout (as CallExecutor's do); its worker is left to the backend, and a new one serves the queue.
    private void TimeOutLateCalls()
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var worker in Snapshot())
        {
            if (!worker.IsLate(now, _limitTicks)) continue;
            Interlocked.Increment(ref _live);
            if (worker.TryAbandon(out var first, out var count))
            {
                var seconds = (_context.Config.TimeoutSeconds * count).ToString("0.###", CultureInfo.InvariantCulture);
                _calls.Complete(first, count, [.. Enumerable.Repeat(ToolResponse.Failed($"timed out after {seconds} s"), count)], Stopwatch.GetTimestamp());
                StartWorker();
            }
            else
            {
                Interlocked.Decrement(ref _live);
            }
        }
    }

    // After a cancelled run's grace: a call still out is left; nothing it answers later is recorded.
    private void LeaveCallsInFlight()
    {
        foreach (var worker in Snapshot())
        {
            if (worker.TryAbandon(out _, out _)) Leave();
        }
    }

    private LoadWorker[] Snapshot()
    {
        lock (_workers) return [.. _workers];
    }
}
