using Harness.Reports.Analysis;
using Harness.Reports.Html;
using Harness.Runs;

namespace Harness.Reports;

/// <summary>
/// <c>html</c>: one self-contained <c>index.html</c> (inline CSS and SVG, no scripts, no
/// external requests) comparing every backend of a run side by side; with the image metric, its
/// gallery's thumbnails are small files in the run folder beside it.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    public const string FileName = "index.html";

    public string Name => "html";

    public async Task<IReadOnlyList<string>> WriteAsync(RunReport report, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        await AtomicFile.WriteAllTextAsync(path, HtmlDocument.Render(report, Galleries(report, directory)), cancellationToken);
        return [path];
    }

    /// <summary>The whole document as text (without galleries: they are files beside a written report).</summary>
    public static string Render(RunReport report) => HtmlDocument.Render(report);

    // The gallery of each backend's image-metric scenario, where the report is written into the run folder that holds it.
    private static List<(string Label, string Folder, IReadOnlyList<GalleryEntry> Entries)> Galleries(RunReport report, string directory) =>
        [.. ImageRows.Of(report.Results)
            .Select(r => (r.Label, Result: RunLayout.ResultDirectory(directory, r.Label, r.Scenario)))
            .Select(r => (r.Label, Folder: Path.GetRelativePath(directory, Path.Combine(r.Result, Gallery.Folder)).Replace('\\', '/'), Entries: (IReadOnlyList<GalleryEntry>)Gallery.Read(r.Result)))
            .Where(g => g.Entries.Count > 0)];
}
