using Harness.Reports;

namespace Harness.Running;

/// <summary>
/// Runs the report writers a config names. One writer's failure is logged and the
/// others still run; cancellation is never swallowed.
/// </summary>
internal static class ReportStage
{
    // TODO(report helper): replace with Harness.Reports.ReportWriterRegistry once it lands on main.
    private static readonly Dictionary<string, Func<IReportWriter>> Writers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["markdown"] = () => new MarkdownReportWriter(),
    };

    /// <summary>Checks every name before anything runs; an unknown one lists the valid ones.</summary>
    public static IReadOnlyList<IReportWriter> Resolve(EvalConfig config) =>
        [.. config.Reports.Select((name, i) => Writers.TryGetValue(name, out var create)
            ? create()
            : throw new InputException(
                $"{config.SourcePath}: reports[{i}]: unknown report '{name}'; valid: {string.Join(", ", Writers.Keys.Order(StringComparer.Ordinal))}."))];

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
