using System.Text.RegularExpressions;
using Harness.Reports;

namespace Harness.Core.Tests.Reports;

public partial class HtmlReportWriterTests
{
    private static readonly string Html = HtmlReportWriter.Render(ReportFixtures.MultiBackendRun());

    [Test]
    public void Intent_text_is_escaped()
    {
        var run = ReportFixtures.MultiBackendRun();
        var marked = run with { Dataset = run.Dataset with { Rows = [.. run.Dataset.Rows.Select(r => r with { Intent = "<b>bold</b> & \"quoted\" " + r.Intent })] } };
        var html = HtmlReportWriter.Render(marked);
        Assert.That(html, Does.Contain("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; "));
        Assert.That(html, Does.Not.Contain("<b>bold</b>"));
    }

    [Test]
    public void Report_makes_no_external_requests()
    {
        // Only the SVG namespace URI may appear; it is an identifier, never fetched.
        var urls = UrlPattern().Matches(Html).Select(m => m.Value).Where(u => u != "http://www.w3.org/2000/svg").ToList();
        Assert.That(urls, Is.Empty);
        Assert.That(Html, Does.Not.Contain("<link").And.Not.Contain("<script src").And.Not.Contain("<img"));
    }

    [Test]
    public void Backend_that_failed_to_start_is_shown_with_its_error()
    {
        Assert.That(Html, Does.Contain("failed to run: model file not found: models/llama-2-7b-chat.Q4_K_M.gguf"));
    }

    [Test]
    public void Retrieval_backend_is_marked_as_the_floor()
    {
        Assert.That(Html, Does.Contain("retrieval <span class=\"badge floor\">floor</span>"));
        Assert.That(Html, Does.Contain("floor: retrieval overall 0.611"));
    }

    [Test]
    public void Every_section_is_present()
    {
        foreach (var id in new[] { "overview", "scores", "latency", "cost", "parse", "parameters", "examples" })
            Assert.That(Html, Does.Contain($"<section id=\"{id}\">"), id);
        Assert.That(Regex.Count(Html, "<svg "), Is.EqualTo(3), "score chart and one latency chart per scenario");
    }

    [Test]
    public async Task Writer_writes_index_html_into_the_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "harness-html-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = await new HtmlReportWriter().WriteAsync(ReportFixtures.MultiBackendRun(), folder, CancellationToken.None);
            Assert.That(files, Is.EqualTo(new[] { Path.Combine(folder, "index.html") }));
            Assert.That(await File.ReadAllTextAsync(files[0]), Is.EqualTo(Html));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [GeneratedRegex("https?://[^\"' )<>]+")]
    private static partial Regex UrlPattern();
}
