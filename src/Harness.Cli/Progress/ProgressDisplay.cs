using Harness.Runs;
using Harness.Running;

namespace Harness.Cli.Progress;

/// <summary>Runs an evaluation with its progress shown the way the output allows.</summary>
internal static class ProgressDisplay
{
    /// <summary>
    /// A live bar only on a real terminal (output is the process's own, not redirected); redirected
    /// output and in-process callers get plain lines, written to <paramref name="output"/>.
    /// </summary>
    public static async Task<RunReport> RunAsync(EvalConfig config, RunOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected || output != Console.Out)
            return await EvaluationRunner.RunAsync(config, options, new PlainProgressSink(output), cancellationToken);

        SpectreProgressSink? sink = null;
        try
        {
            return await SpectreProgressSink.Create().StartAsync(context =>
            {
                sink = new SpectreProgressSink(context);
                return EvaluationRunner.RunAsync(config, options, sink, cancellationToken);
            });
        }
        finally
        {
            while (sink is not null && sink.Lines.TryDequeue(out var line))
                output.WriteLine(line);
        }
    }
}
