using System.Diagnostics;
using Harness.Tools;

namespace Harness.Running;

/// <summary>
/// The server scenario's queue, kept as the schedule itself: call <c>c</c> (intent <c>c / 3</c>, its
/// tool <c>c % 3</c>) is in the queue from its intent's arrival on, whatever else is waiting, so the
/// load stays open loop without a thread that moves calls into a queue. Workers take the oldest waiting
/// calls under one lock; a worker that finds nothing due (or a partial batch still allowed to wait)
/// watches the clock until then, sleeping while the moment is far and spinning close in, while the
/// other idle workers sleep on the lock until it takes a call and wakes one of them to watch next.
/// </summary>
internal sealed class ServerQueue
{
    // A sleep wakes up to about a millisecond late, a spin on the stopwatch within microseconds.
    private static readonly long SpinTicks = Stopwatch.Frequency * 3 / 2000;

    private readonly ServerCalls _schedule;
    private readonly int _calls;
    private readonly int _size;
    private readonly long _delay;
    private readonly CancellationToken _stop;
    private readonly object _gate = new();
    private int _next;
    private bool _watching;

    /// <param name="schedule">The calls, with their arrivals; each intent's pickup lag is written to its <see cref="ServerCalls.IssueLagMs"/>.</param>
    /// <param name="size">The most calls taken at once (the batch size; 1 for a backend that does not batch).</param>
    /// <param name="delay">How long, in timestamp ticks, the oldest call of a partial batch may wait for it to fill.</param>
    /// <param name="stop">Ends every wait; <see cref="TryTake"/> then answers false.</param>
    public ServerQueue(ServerCalls schedule, int size, long delay, CancellationToken stop)
    {
        _schedule = schedule;
        _calls = schedule.Count;
        _size = size;
        _delay = delay;
        _stop = stop;
        stop.UnsafeRegister(_ => WakeAll(), null);
    }

    private long Due(int call) => _schedule.Due(call);

    /// <summary>
    /// Waits for the next calls to take: the oldest waiting, up to the batch size, a partial batch once its
    /// oldest has waited the delay or no more calls will come. False when every call is taken or the run stops.
    /// Records for each intent whose first call it takes how long after max(its arrival, <paramref name="free"/>)
    /// that happened: the harness's own pickup lag, counted in the intent's latency.
    /// </summary>
    /// <param name="free">When the worker became free (its previous answer, or the start).</param>
    /// <param name="first">The first call taken.</param>
    /// <param name="count">How many calls, from <paramref name="first"/> on.</param>
    public bool TryTake(long free, out int first, out int count)
    {
        first = count = 0;
        Monitor.Enter(_gate);
        try
        {
            while (true)
            {
                if (_stop.IsCancellationRequested || _next == _calls) return false;
                var now = Stopwatch.GetTimestamp();
                var waiting = 0;
                while (waiting < _size && _next + waiting < _calls && Due(_next + waiting) <= now) waiting++;
                var more = _next + waiting < _calls;
                var wake = waiting == 0 ? Due(_next) : Math.Min(Due(_next) + _delay, more ? Due(_next + waiting) : long.MaxValue);
                if (waiting > 0 && (waiting == _size || !more || wake <= now))
                {
                    (first, count) = (_next, waiting);
                    _next += waiting;
                    for (var c = first; c < first + count; c++)
                    {
                        if (c % ToolSchema.All.Length == 0)
                            _schedule.IssueLagMs[c / ToolSchema.All.Length] = (double)(now - Math.Max(Due(c), free)) * 1000 / Stopwatch.Frequency;
                    }
                    // Another worker watches for what comes next (or, at the end, every one leaves).
                    if (_next == _calls) Monitor.PulseAll(_gate);
                    else Monitor.Pulse(_gate);
                    return true;
                }
                if (_watching)
                {
                    // The timeout only guards against a lost wake-up; a pulse normally ends the wait.
                    Monitor.Wait(_gate, 100);
                    continue;
                }
                _watching = true;
                Monitor.Exit(_gate);
                try
                {
                    WaitUntil(wake);
                }
                finally
                {
                    Monitor.Enter(_gate);
                    _watching = false;
                }
            }
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }

    private void WakeAll()
    {
        lock (_gate) Monitor.PulseAll(_gate);
    }

    // Sleeps while the moment is far, spins when near; returns early when the run stops.
    private void WaitUntil(long due)
    {
        var spin = default(SpinWait);
        while (!_stop.IsCancellationRequested)
        {
            var left = due - Stopwatch.GetTimestamp();
            if (left <= 0) return;
            if (left > SpinTicks) Thread.Sleep(1);
            else spin.SpinOnce(sleep1Threshold: -1);
        }
    }
}
