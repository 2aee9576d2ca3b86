using System.Diagnostics;
using Harness.Backends;
using Harness.Running.Isolation;

namespace Harness.Running;

/// <summary>
/// One of the server run's workers, on its own thread: takes calls from the <see cref="ServerQueue"/>,
/// calls the backend on this thread (a backend that answers at once costs no hand-over to another
/// thread) and hands the answers to <see cref="ServerCalls"/>. The <see cref="LoadGenerator"/> may
/// abandon it while a call is out (a timeout, or Ctrl+C): the answer, if it ever comes, is then
/// not recorded, and the thread ends.
/// </summary>
internal sealed class LoadWorker(IBackend backend, ServerCalls calls, ServerQueue queue, long start, CancellationToken stop)
{
    private const int Idle = 0, Calling = 1, Left = 2;

    // Cancelled when the run stops or this worker's call is abandoned: a backend that honours it stops early.
    private readonly CancellationTokenSource _cancel = CancellationTokenSource.CreateLinkedTokenSource(stop);
    private int _state;
    private int _first, _count;
    private long _callStart;

    /// <summary>Whether the generator abandoned this worker's call; it then no longer counts the worker.</summary>
    public bool Abandoned => Volatile.Read(ref _state) == Left;

    /// <summary>Serves until the queue is done or the run stops; returns a backend process's end (fatal to the run), else null.</summary>
    public Exception? Run()
    {
        var free = start;
        while (queue.TryTake(free, out var first, out var count))
        {
            var requests = calls.Requests(first, count);
            (_first, _count) = (first, count);
            Volatile.Write(ref _callStart, Stopwatch.GetTimestamp());
            Volatile.Write(ref _state, Calling);
            IReadOnlyList<ToolResponse> responses;
            BackendProcessException? fatal = null;
            try
            {
                var answer = backend.GenerateAsync(requests, _cancel.Token);
                responses = CallExecutor.Checked(answer.GetAwaiter().GetResult(), count);
            }
            catch (Exception) when (stop.IsCancellationRequested || _cancel.IsCancellationRequested)
            {
                // The run stopped (or gave up on this call): an answer that did not come is not a result.
                Interlocked.CompareExchange(ref _state, Idle, Calling);
                return null;
            }
            catch (Exception ex)
            {
                responses = CallExecutor.FailAll(count, BackendStart.Describe(ex));
                fatal = ex as BackendProcessException;
            }
            var done = Stopwatch.GetTimestamp();
            if (Interlocked.CompareExchange(ref _state, Idle, Calling) != Calling) return null;
            calls.Complete(first, count, responses, done);
            if (fatal is not null) return fatal;
            free = done;
        }
        _cancel.Dispose();
        return null;
    }

    /// <summary>Whether a call is out for longer than <paramref name="limitTicks"/> per request at <paramref name="now"/>.</summary>
    public bool IsLate(long now, long limitTicks) =>
        Volatile.Read(ref _state) == Calling && now - Volatile.Read(ref _callStart) > limitTicks * Math.Max(1, _count);

    /// <summary>
    /// Gives up on the call out, if one is: the backend's token is cancelled and whatever it answers later
    /// is dropped. Answers the calls given up on; false when no call was out.
    /// </summary>
    public bool TryAbandon(out int first, out int count)
    {
        (first, count) = (0, 0);
        if (Interlocked.CompareExchange(ref _state, Left, Calling) != Calling) return false;
        // Read after the exchange: the worker set them before it called, and changes nothing while its call is out.
        (first, count) = (_first, _count);
        _cancel.Cancel();
        return true;
    }
}
