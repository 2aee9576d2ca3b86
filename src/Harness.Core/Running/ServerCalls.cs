using System.Diagnostics;
using Harness.Backends;
using Harness.Tools;

namespace Harness.Running;

/// <summary>
/// The server run's calls and what they measured. Call <c>c</c> is intent <c>c / 3</c>'s tool
/// <c>c % 3</c>, on row <c>(c / 3) % rows</c>; each (row, tool)'s request is made once, before the
/// clock starts, and whether a call is recorded in the prediction log (the first time its (row,
/// tool) is answered, unless a resumed log has it) is known from the start, so serving a call
/// allocates nothing. <see cref="Complete"/> is safe from several workers at once.
/// </summary>
internal sealed class ServerCalls
{
    private static readonly int Tools = ToolSchema.All.Length;

    private readonly ScenarioContext _context;
    private readonly long[] _due;
    private readonly ToolRequest[][] _single;
    private readonly PlannedCall[] _planned;
    private readonly bool[] _record;
    private readonly int[] _left;
    private readonly object _recordGate = new();
    private int _failed;
    private long _input, _output, _last;

    /// <param name="context">The scenario.</param>
    /// <param name="due">Per intent, its arrival as a <see cref="Stopwatch"/> timestamp, ascending.</param>
    /// <param name="record">Whether answers are recorded in the prediction log; false for the untimed warm-up under load, whose answers are dropped.</param>
    public ServerCalls(ScenarioContext context, long[] due, bool record)
    {
        _context = context;
        _due = due;
        var intents = due.Length;
        var rows = context.Rows;
        _planned = [.. rows.SelectMany(r => ToolSchema.All.Select(t => new PlannedCall(r, t, Warmup: false)))];
        _single = [.. _planned.Select(p => new[] { p.ToRequest(context.Entry.PromptTemplate) })];
        var calls = intents * Tools;
        _record = [.. Enumerable.Range(0, Math.Min(calls, _planned.Length)).Select(c => record && !context.Log.IsDone(_planned[c].Row.Id, _planned[c].Tool))];
        _left = [.. Enumerable.Repeat(Tools, intents)];
        IntentLatencyMs = new double[intents];
        CallLatencyMs = new double[calls];
        IssueLagMs = new double[intents];
    }

    /// <summary>How many calls the run makes: three per intent.</summary>
    public int Count => _due.Length * Tools;

    /// <summary>The arrival of call <paramref name="call"/>'s intent.</summary>
    public long Due(int call) => _due[call / Tools];

    /// <summary>Per intent, from its arrival to its last tool output.</summary>
    public double[] IntentLatencyMs { get; }

    /// <summary>Per call, from its intent's arrival to its output.</summary>
    public double[] CallLatencyMs { get; }

    /// <summary>Per intent, the pickup lag of its first call (<see cref="ServerQueue.TryTake"/>).</summary>
    public double[] IssueLagMs { get; }

    public int Failed => Volatile.Read(ref _failed);

    public long InputTokens => Interlocked.Read(ref _input);

    public long OutputTokens => Interlocked.Read(ref _output);

    /// <summary>The timestamp of the last answer; 0 before the first.</summary>
    public long LastAnswer => Interlocked.Read(ref _last);

    /// <summary>The requests of calls <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1.</summary>
    public IReadOnlyList<ToolRequest> Requests(int first, int count)
    {
        if (count == 1) return _single[first % _planned.Length];
        var requests = new ToolRequest[count];
        for (var i = 0; i < count; i++) requests[i] = _single[(first + i) % _planned.Length][0];
        return requests;
    }

    /// <summary>Takes the answers of calls <paramref name="first"/> onward, answered at <paramref name="done"/>, and records those the log still lacks.</summary>
    public void Complete(int first, int count, IReadOnlyList<ToolResponse> responses, long done)
    {
        long last;
        while ((last = Interlocked.Read(ref _last)) < done && Interlocked.CompareExchange(ref _last, done, last) != last)
        {
        }
        for (var i = 0; i < count; i++)
        {
            var c = first + i;
            var response = responses[i];
            var latency = (double)(done - Due(c)) * 1000 / Stopwatch.Frequency;
            CallLatencyMs[c] = latency;
            // The last of the three to be counted may not be the last answered when several workers serve: take the longest.
            if (Interlocked.Decrement(ref _left[c / Tools]) == 0) IntentLatencyMs[c / Tools] = Longest(c / Tools);
            if (CallExecutor.Error(response) is not null) Interlocked.Increment(ref _failed);
            Interlocked.Add(ref _input, Math.Max(0, response?.InputTokens ?? 0));
            Interlocked.Add(ref _output, Math.Max(0, response?.OutputTokens ?? 0));
            if (c >= _record.Length || !_record[c]) continue;
            lock (_recordGate)
            {
                CallExecutor.Record(_context, _planned[c], response, latency);
                _context.Progress.Advance(1);
            }
        }
    }

    // The intent's three calls' latencies are all written: each was written before its decrement, which fences.
    private double Longest(int intent)
    {
        var latency = CallLatencyMs[intent * Tools];
        for (var t = 1; t < Tools; t++) latency = Math.Max(latency, CallLatencyMs[intent * Tools + t]);
        return latency;
    }
}
