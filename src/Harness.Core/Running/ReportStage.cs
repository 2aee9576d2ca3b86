using Harness.Reports;
using Harness.Runs;

namespace Harness.Running;

/// <summary>
/// Runs the report writers a config names, through <see cref="CompositeReportWriter"/>: one
/// writer's failure does not stop the others, and is returned so that the run fails naming the
/// report; cancellation is never swallowed.
/// </summary>
internal static class ReportStage
{
    /// <summary>Checks every name before anything runs; an unknown one lists the valid ones (<see cref="ReportWriterRegistry"/>).</summary>
    public static IReadOnlyList<IReportWriter> Resolve(EvalConfig config) =>
        [.. config.Reports.Select((name, i) =>
        {
            try
            {
                return ReportWriterRegistry.Default.Get(name);
            }
            catch (InputException ex)
            {
                throw new InputException($"{config.SourcePath}: reports[{i}]: {ex.Message}");
            }
        })];

    /// <summary>Writes every report into <paramref name="directory"/>; returns one message per report that could not be written.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<IReportWriter> writers, RunReport report, string directory, IProgressSink progress, CancellationToken cancellationToken)
    {
        var composite = new CompositeReportWriter(writers, TextWriter.Null);
        foreach (var file in await composite.WriteAsync(report, directory, cancellationToken))
            progress.Log($"report: {file}");
        return composite.Failures;
    }
}
