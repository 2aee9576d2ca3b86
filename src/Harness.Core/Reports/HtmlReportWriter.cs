using Harness.Reports.Html;
using Harness.Runs;

namespace Harness.Reports;

/// <summary>
/// <c>html</c>: one self-contained <c>index.html</c> (inline CSS and SVG, no scripts, no
/// external requests) comparing every backend of a run side by side.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    public const string FileName = "index.html";

    public string Name => "html";

    public async Task<IReadOnlyList<string>> WriteAsync(RunReport report, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        await AtomicFile.WriteAllTextAsync(path, Render(report), cancellationToken);
        return [path];
    }

    /// <summary>The whole document as text.</summary>
    public static string Render(RunReport report) => HtmlDocument.Render(report);
}
