using Harness.History;
using Microsoft.Playwright;

namespace Harness.Reports.BrowserTests;

/// <summary>
/// Opens the run history page of three recorded runs (<see cref="RunSeries"/>, recorded in a real
/// run store) in headless Chromium, as the main report is checked: it loads cleanly, makes no
/// request, and its score- and latency-over-time charts render with their points.
/// </summary>
[NonParallelizable]
public class HistoryPageBrowserTests
{
    private RunSeries _series = null!;
    private BrowserPage? _browser;

    private IPage _page => _browser!.Page;

    [OneTimeSetUp]
    public async Task OpenHistoryPage()
    {
        _series = new RunSeries();
        var storePath = Path.Combine(_series.Folder, RunStore.FileName);
        using (var store = RunStore.Open(storePath))
        {
            store.Rebuild(_series.Folder);
            store.Promote(Path.Combine(_series.RunDirectories[1], "student"), new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
            await HistoryReport.WriteAsync(store.Entries(), storePath, _series.Folder, CancellationToken.None);
        }

        _browser = await BrowserPage.OpenAsync(Path.Combine(_series.Folder, HistoryReport.FileName));
    }

    [OneTimeTearDown]
    public async Task Close()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _series.Dispose();
    }

    [Test]
    public void History_page_loads_without_console_errors_or_requests()
    {
        Assert.That(_browser!.Errors, Is.Empty);
        Assert.That(_browser.OutsideRequests, Is.Empty);
    }

    [Test]
    public async Task Score_and_latency_charts_render_per_backend_with_a_point_per_run()
    {
        var charts = await _page.QuerySelectorAllAsync("svg.chart.trend");
        Assert.That(charts, Has.Count.EqualTo(4), "score and latency over time for the student and the teacher");
        foreach (var chart in charts)
        {
            var box = await chart.BoundingBoxAsync();
            Assert.That(box!.Width, Is.GreaterThan(300));
            Assert.That(box.Height, Is.GreaterThan(150));
        }

        var studentScore = await _page.QuerySelectorAsync("svg[aria-label='Overall score over time, student']");
        var points = await studentScore!.QuerySelectorAllAsync("circle.point");
        Assert.That(points, Has.Count.EqualTo(3), "one point per run");
        var ys = await Task.WhenAll(points.Select(async p => (await p.BoundingBoxAsync())!.Y));
        Assert.That(ys, Is.Ordered.Descending, "the score rises run by run, so the points climb");
        Assert.That(await studentScore.QuerySelectorAllAsync("path.whisker"), Has.Count.EqualTo(3), "each with its interval");
        Assert.That(await studentScore.QuerySelectorAllAsync("circle.point[stroke]"), Has.Count.EqualTo(1), "the promoted run is ringed");
        Assert.That(await studentScore.TextContentAsync(), Does.Contain("model aaaaaaaaaaaa").And.Contain("model bbbbbbbbbbbb"));

        var latency = await _page.QuerySelectorAsync("svg[aria-label='Median latency over time, student']");
        var latencyYs = await Task.WhenAll((await latency!.QuerySelectorAllAsync("circle.point")).Select(async p => (await p.BoundingBoxAsync())!.Y));
        Assert.That(latencyYs, Is.Ordered.Ascending, "the student gets faster, so the points fall");
    }

    [Test]
    public async Task Each_backend_has_its_table_of_every_run_and_the_page_is_kept_as_a_screenshot()
    {
        var text = await _page.InnerTextAsync("section#backend-student table.history");
        Assert.That(text, Does.Contain("run-1").And.Contain("run-2").And.Contain("run-3").And.Contain("promoted"));
        var path = RepositoryRoot.PathOf("artifacts", "screenshots", "history-page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.That(new FileInfo(path).Length, Is.GreaterThan(10_000));
        TestContext.AddTestAttachment(path, "Run history page, full page");
    }
}
