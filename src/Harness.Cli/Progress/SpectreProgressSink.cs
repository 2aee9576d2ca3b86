using System.Collections.Concurrent;
using System.Globalization;
using Harness.Running;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Harness.Cli.Progress;

/// <summary>Progress on a terminal: a Spectre.Console bar per backend and scenario with rate and ETA.</summary>
internal sealed class SpectreProgressSink(ProgressContext context) : IProgressSink
{
    private ProgressTask? _task;

    /// <summary>Lines logged while the bars are live; printed once they are gone.</summary>
    public ConcurrentQueue<string> Lines { get; } = new();

    public static Spectre.Console.Progress Create() => AnsiConsole.Progress()
        .AutoClear(false)
        .HideCompleted(false)
        .Columns(
            new TaskDescriptionColumn { Alignment = Justify.Left },
            new ProgressBarColumn(),
            new PercentageColumn(),
            new RateColumn(),
            new RemainingTimeColumn(),
            new ElapsedTimeColumn());

    public void Begin(string label, string scenario, int totalCalls, int doneCalls)
    {
        _task = context.AddTask(Markup.Escape($"{label} {scenario}"), maxValue: Math.Max(1, totalCalls));
        _task.Value = doneCalls;
    }

    public void Advance(int calls) => _task?.Increment(calls);

    public void End()
    {
        if (_task is null) return;
        _task.Value = _task.MaxValue;
        _task.StopTask();
    }

    public void Log(string line) => Lines.Enqueue(line);

    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? string.Create(CultureInfo.InvariantCulture, $"{speed,8:0.0}/s") : "       -/s");
    }
}
