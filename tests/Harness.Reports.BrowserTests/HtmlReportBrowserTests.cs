using Microsoft.Playwright;

namespace Harness.Reports.BrowserTests;

/// <summary>
/// Opens the HTML report of a realistic multi-backend run in headless Chromium (Debian's
/// <c>/usr/bin/chromium</c>, driven by Playwright; nothing is downloaded) and checks it the
/// way a reader would see it: it loads cleanly, makes no requests, and its charts render.
/// </summary>
[NonParallelizable]
public class HtmlReportBrowserTests
{
    private string _folder = "";
    private BrowserPage _browser = null!;

    private IPage _page => _browser.Page;

    [OneTimeSetUp]
    public async Task OpenReport()
    {
        _folder = Path.Combine(Path.GetTempPath(), "harness-browser-" + Guid.NewGuid().ToString("N"));
        await new HtmlReportWriter().WriteAsync(ReportFixtures.MultiBackendRun(), _folder, CancellationToken.None);

        _browser = await BrowserPage.OpenAsync(Path.Combine(_folder, HtmlReportWriter.FileName));
    }

    [OneTimeTearDown]
    public async Task Close()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, true);
    }

    [Test]
    public void Report_loads_without_console_errors() => Assert.That(_browser.Errors, Is.Empty);

    [Test]
    public void Report_makes_no_request_but_its_own_file()
    {
        Assert.That(_browser.FailedRequests, Is.Empty);
        Assert.That(_browser.OutsideRequests, Is.Empty);
    }

    [Test]
    public async Task Charts_render_with_visible_size()
    {
        var charts = await _page.QuerySelectorAllAsync("svg.chart");
        Assert.That(charts, Has.Count.EqualTo(5), "two Pareto charts, the score chart and a latency chart per scenario");
        foreach (var chart in charts)
        {
            var box = await chart.BoundingBoxAsync();
            Assert.That(box, Is.Not.Null);
            Assert.That(box!.Width, Is.GreaterThan(100));
            Assert.That(box.Height, Is.GreaterThan(50));
        }

        var bars = await _page.QuerySelectorAllAsync("svg.chart rect[width]");
        var widths = await Task.WhenAll(bars.Select(async b => (await b.BoundingBoxAsync())?.Width ?? 0));
        Assert.That(widths.Count(w => w > 20), Is.GreaterThan(10), "bars have drawn lengths");
    }

    [Test]
    public async Task The_answer_table_is_the_first_thing_below_the_header_and_the_pareto_charts_show_their_points()
    {
        var first = await _page.EvalOnSelectorAsync<string>("main section", "s => s.id");
        Assert.That(first, Is.EqualTo("answer"));
        var table = await _page.QuerySelectorAsync("section#answer table.answer");
        var box = await table!.BoundingBoxAsync();
        Assert.That(box!.Y, Is.LessThan(900), "visible on the first screen");

        var points = await _page.QuerySelectorAllAsync("svg.pareto circle[stroke], svg.pareto rect[stroke]");
        Assert.That(points, Has.Count.EqualTo(2 * 3), "per chart: the key's ring and the two points on the front");
        foreach (var point in points)
            Assert.That((await point.BoundingBoxAsync())!.Width, Is.GreaterThan(5));
    }

    [Test]
    public async Task Score_table_shows_every_backend_and_the_failed_one_with_its_error()
    {
        var text = await _page.InnerTextAsync("section#scores table.scores");
        Assert.That(text, Does.Contain("teacher-replay").And.Contain("flan-t5-onnx").And.Contain("retrieval").And.Contain("llama-gguf"));
        Assert.That(text, Does.Contain("failed to run: model file not found"));
    }

    [Test]
    public async Task Screenshot_is_kept_as_a_test_artifact()
    {
        var screenshots = RepositoryRoot.PathOf("artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);
        var path = Path.Combine(screenshots, "html-report.png");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "html-report-top.png") });
        Assert.That(new FileInfo(path).Length, Is.GreaterThan(10_000));
        TestContext.AddTestAttachment(path, "HTML report, full page");
    }

    [Test]
    public async Task Comparison_report_renders_its_differences_and_is_kept_as_a_screenshot()
    {
        var folder = Path.Combine(_folder, "compare");
        await new HtmlReportWriter().WriteAsync(ReportFixtures.ComparisonRun(), folder, CancellationToken.None);
        var other = await _browser.OpenAnotherAsync(Path.Combine(folder, HtmlReportWriter.FileName));
        var page = other.Page;

        var text = await page.InnerTextAsync("section#comparison");
        Assert.That(text, Does.Contain("-0.158").And.Contain("no paired interval: no predictions.jsonl"));
        Assert.That(other.Errors, Is.Empty);
        var path = RepositoryRoot.PathOf("artifacts", "screenshots", "compare-report-top.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        TestContext.AddTestAttachment(path, "Comparison report, first screen");
        await page.CloseAsync();
    }
}
