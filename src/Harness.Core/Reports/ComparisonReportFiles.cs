using System.Globalization;
using Harness.Runs;

namespace Harness.Reports;

/// <summary>The files of a comparison of earlier runs (<c>harness compare</c>): the HTML report and report.md.</summary>
public static class ComparisonReportFiles
{
    /// <summary>The folder a comparison goes to when none is given: <c>reports/compare-&lt;UTC time&gt;</c>.</summary>
    public static string DefaultFolder(DateTimeOffset now) =>
        Path.Combine("reports", "compare-" + now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));

    /// <summary>Writes the comparison's HTML report and report.md into <paramref name="folder"/>; returns the files written.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(RunReport report, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var written = new List<string>(await new HtmlReportWriter().WriteAsync(report, folder, cancellationToken).ConfigureAwait(false));
        var markdown = Path.Combine(folder, "report.md");
        await AtomicFile.WriteAllTextAsync(markdown, ComparisonMarkdown.Document(report), cancellationToken).ConfigureAwait(false);
        written.Add(markdown);
        return written;
    }
}
