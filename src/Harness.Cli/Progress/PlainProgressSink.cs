using System.Diagnostics;
using System.Globalization;
using Harness.Running;

namespace Harness.Cli.Progress;

/// <summary>Progress for redirected output: one line every 5 seconds or 10% of the calls, and at the end.</summary>
internal sealed class PlainProgressSink(TextWriter output) : IProgressSink
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _watch = new();
    private string _name = "";
    private int _total;
    private int _done;
    private int _startDone;
    private int _lastPercentStep;
    private TimeSpan _lastLine;

    public void Begin(string label, string scenario, int totalCalls, int doneCalls)
    {
        (_name, _total, _done, _startDone, _lastPercentStep, _lastLine) = ($"{label}/{scenario}", totalCalls, doneCalls, doneCalls, 0, TimeSpan.Zero);
        _watch.Restart();
        output.WriteLine(doneCalls > 0
            ? $"{_name}: {totalCalls} calls, {doneCalls} already done (resumed)"
            : $"{_name}: {totalCalls} calls");
    }

    public void Advance(int calls)
    {
        _done += calls;
        var step = _total == 0 ? 10 : _done * 10 / _total;
        if (step > _lastPercentStep || _watch.Elapsed - _lastLine >= Interval)
        {
            _lastPercentStep = step;
            _lastLine = _watch.Elapsed;
            output.WriteLine(Line());
        }
    }

    public void End()
    {
        _watch.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{_name}: finished {_done - _startDone} calls in {_watch.Elapsed.TotalSeconds:0.0} s ({_done}/{_total} done)"));
    }

    public void Log(string line) => output.WriteLine(line);

    private string Line()
    {
        var seconds = _watch.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? (_done - _startDone) / seconds : 0;
        var eta = rate > 0 ? TimeSpan.FromSeconds((_total - _done) / rate) : (TimeSpan?)null;
        var percent = _total == 0 ? 100 : 100.0 * _done / _total;
        return string.Create(CultureInfo.InvariantCulture,
            $"{_name}: {_done}/{_total} calls ({percent:0}%), {rate:0.0} calls/s, ETA {(eta is { } e ? e.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "?")}");
    }
}
