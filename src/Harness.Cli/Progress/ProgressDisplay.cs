using Harness.Runs;
using Harness.Running;

namespace Harness.Cli.Progress;

/// <summary>Runs an evaluation with its progress shown the way the output allows.</summary>
internal static class ProgressDisplay
{
    /// <summary>
    /// Runs <paramref name="run"/> with the progress sink it reports to: a live bar only on a real
    /// terminal (output is the process's own, not redirected); redirected output and in-process
    /// callers get plain lines, written to <paramref name="output"/>.
    /// </summary>
    public static async Task<RunReport> RunAsync(Func<IProgressSink, Task<RunReport>> run, TextWriter output)
    {
        if (Console.IsOutputRedirected || output != Console.Out)
            return await run(new PlainProgressSink(output));

        SpectreProgressSink? sink = null;
        try
        {
            return await SpectreProgressSink.Create().StartAsync(context =>
            {
                sink = new SpectreProgressSink(context);
                return run(sink);
            });
        }
        finally
        {
            while (sink is not null && sink.Lines.TryDequeue(out var line))
                output.WriteLine(line);
        }
    }
}
