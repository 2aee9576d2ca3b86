using Harness.Annotation;
using Harness.Api;
using Microsoft.Playwright;

namespace Harness.Reports.BrowserTests;

/// <summary>
/// The reality check end to end in a real browser: harness's study page of a run is opened, two
/// annotators fill it in and press Save, the downloaded files are summarised.
/// </summary>
[NonParallelizable]
public class AnnotationBrowserTests
{
    private static readonly AnnotationOptions Shipped = new()
    {
        Images = RepositoryRoot.PathOf("datasets", "images"),
        Luts = RepositoryRoot.PathOf("datasets", "tonal-color", "luts"),
        Sample = 3,
        Seed = 5,
    };

    [Test]
    public async Task Two_annotators_fill_in_the_page_save_their_answers_and_the_summary_reads_them()
    {
        using var run = new StoredRunBuilder("annotate-browser");
        run.Write("student-a", StoredRunBuilder.Teacher);
        run.Write("student-b", run.SwappedFilters(2));
        var harness = new HarnessContext();
        var page = Path.Combine(run.RunDirectory, "study.html");
        harness.Annotation.WriteStudy(run.RunDirectory, page, Shipped);

        var saved = new List<string>();
        foreach (var (annotator, answer) in new[] { ("ann", "yes"), ("bob", "no") })
        {
            await using var browser = await BrowserPage.OpenAsync(page);
            var p = browser.Page;
            await p.WaitForFunctionAsync("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
            Assert.That(await p.Locator("img").CountAsync(), Is.EqualTo(3 * 4), "photo, teacher and two blind edits per intent");

            // Save without a name is refused on the page.
            await p.ClickAsync("#save");
            Assert.That(await p.InnerTextAsync("#status"), Does.Contain("name"));

            await p.FillAsync("#annotator", annotator);
            foreach (var radio in await p.Locator($"input[type=radio][value={answer}][name$='|relevant']").AllAsync()) await radio.CheckAsync();
            foreach (var radio in await p.Locator("input[type=radio][value=yes][name$='|mimics']").AllAsync()) await radio.CheckAsync();
            var download = await p.RunAndWaitForDownloadAsync(() => p.ClickAsync("#save"));
            var file = Path.Combine(run.RunDirectory, download.SuggestedFilename);
            await download.SaveAsAsync(file);
            saved.Add(file);
            Assert.That(await p.InnerTextAsync("#status"), Is.EqualTo("Saved."));
            Assert.That(browser.Errors.Concat(browser.FailedRequests).Concat(browser.OutsideRequests), Is.Empty);

            if (annotator == "ann")
            {
                var screenshots = RepositoryRoot.PathOf("artifacts", "screenshots");
                Directory.CreateDirectory(screenshots);
                await p.Locator("section.item").First.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(screenshots, "annotation-study.png") });
            }
        }

        var summary = harness.Annotation.Summarise(run.RunDirectory, saved, Shipped);

        Assert.That(summary.Annotators, Is.EqualTo(new[] { "ann", "bob" }));
        foreach (var backend in summary.Backends)
        {
            Assert.That((backend.Relevant.Yes, backend.Relevant.N), Is.EqualTo((3, 6)), backend.Backend);
            Assert.That((backend.Mimics.Yes, backend.Mimics.N), Is.EqualTo((6, 6)), backend.Backend);
        }
        var relevant = summary.Agreements.Single(a => a.Question == "relevant");
        Assert.That(relevant.Kappa, Is.EqualTo(-1.0).Within(1e-12), "one always yes, the other always no: complete disagreement");
        Assert.That(summary.Agreements.Single(a => a.Question == "mimics").Undefined, Does.Contain("chance agreement is 1"));
    }
}
