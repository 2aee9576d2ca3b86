using Harness.Reports;

namespace Harness.Running;

/// <summary>
/// Runs the report writers a config names. One writer's failure is logged and the
/// others still run; cancellation is never swallowed.
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

    public static async Task WriteAsync(IReadOnlyList<IReportWriter> writers, RunReport report, string directory, IProgressSink progress, CancellationToken cancellationToken)
    {
        foreach (var writer in writers)
        {
            try
            {
                foreach (var file in await writer.WriteAsync(report, directory, cancellationToken))
                    progress.Log($"report: {file}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                progress.Log($"error: report '{writer.Name}' failed: {ex.Message.ReplaceLineEndings(" ")}");
            }
        }
    }
}
