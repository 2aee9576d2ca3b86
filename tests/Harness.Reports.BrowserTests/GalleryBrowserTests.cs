using Harness.Metrics;
using Harness.Metrics.Images;
using Harness.Rendering;
using Harness.Runs;
using Microsoft.Playwright;

namespace Harness.Reports.BrowserTests;

/// <summary>
/// The image metric's section and gallery in a real browser: a run whose retrieval result has an
/// image metric and a gallery folder of WebP thumbnails beside the report; the thumbnails load
/// lazily from the run folder and decode.
/// </summary>
[NonParallelizable]
public class GalleryBrowserTests
{
    [Test]
    public async Task The_image_table_and_the_gallery_render_and_every_thumbnail_loads_from_the_run_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "harness-gallery-" + Guid.NewGuid().ToString("N"));
        try
        {
            var report = WithGallery(ReportFixtures.MultiBackendRun(), folder);
            await new HtmlReportWriter().WriteAsync(report, folder, CancellationToken.None);

            await using var browser = await BrowserPage.OpenAsync(Path.Combine(folder, HtmlReportWriter.FileName));
            var page = browser.Page;

            var table = await page.InnerTextAsync("section#image table.image-metric");
            Assert.That(table, Does.Contain("retrieval").And.Contain("4.36").And.Contain("-0.602"));
            await page.Locator("section#gallery").ScrollIntoViewIfNeededAsync();
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('section#gallery img')].every(i => i.complete)");
            var widths = await page.EvalOnSelectorAllAsync<int[]>("section#gallery img", "imgs => imgs.map(i => i.naturalWidth)");
            Assert.That(widths, Has.Length.EqualTo(6).And.All.EqualTo(32), "photo, teacher and backend for two intents, each decoded");
            Assert.That(await page.InnerTextAsync("section#gallery"), Does.Contain("among the worst").And.Contain("ΔE 9.10"));
            Assert.That(browser.Errors.Concat(browser.FailedRequests), Is.Empty);

            var screenshots = RepositoryRoot.PathOf("artifacts", "screenshots");
            Directory.CreateDirectory(screenshots);
            await page.Locator("section#gallery").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(screenshots, "html-report-gallery.png") });
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }

    // The retrieval result gets an image metric, and its result folder a gallery of two intents.
    private static RunReport WithGallery(RunReport report, string folder)
    {
        var image = new ImageDifference(40, 5, 64, 4.36, new Interval(3.98, 4.76), 3.69, 8.17, 0.215, new Interval(0.155, 0.275), 0.675, new Interval(0.615, 0.74), 5.45, -0.602);
        var results = report.Results.Select(r => r.Label == "retrieval" ? r with { Metrics = r.Metrics with { Image = image } } : r).ToList();
        var retrieval = results.First(r => r.Label == "retrieval");
        var gallery = Path.Combine(RunLayout.ResultDirectory(folder, "retrieval", retrieval.Metrics.Run.Scenario), Gallery.Folder);
        Directory.CreateDirectory(gallery);
        foreach (var (name, shade) in new[] { ("photo-0.webp", 40), ("a-teacher.webp", 90), ("a-backend.webp", 140), ("b-teacher.webp", 190), ("b-backend.webp", 230) })
            ImageFile.WriteWebp(Path.Combine(gallery, name), Solid(shade));
        Gallery.Write(gallery,
        [
            new GalleryEntry("test-00007", "golden hour", Gallery.Worst, 9.1, "photo-0.webp", "a-teacher.webp", "a-backend.webp"),
            new GalleryEntry("test-00012", "moody rain", Gallery.Sample, 1.2, "photo-0.webp", "b-teacher.webp", "b-backend.webp"),
        ]);
        return report with { Results = [.. results] };
    }

    private static RgbaImage Solid(int shade)
    {
        var pixels = new byte[32 * 24 * 4];
        for (var i = 0; i < pixels.Length; i += 4) (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = ((byte)shade, (byte)(255 - shade), 128, 255);
        return new RgbaImage(32, 24, pixels);
    }
}
