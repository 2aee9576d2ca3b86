using Harness.Backends;
using Harness.Core.Tests.Running.Support;
using Harness.Plugins;
using Harness.Rendering;
using Harness.Running;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Core.Tests.Running;

/// <summary>The image-space metric in a run: small generated photos and LUTs, in-test backends.</summary>
public class ImageMetricTests
{
    private const string OneBackend = "  - label: fake\n    plugin: Fake\n    batch_size: 4";
    private const string Metric = "warmup: 0\nreports: []\nscenarios: [offline]\nimage_metric: { images: photos, luts: luts, size: 16 }";

    private static void WritePhotosAndLuts(RunFixture run, IEnumerable<string> filters)
    {
        var photos = Directory.CreateDirectory(Path.Combine(run.Folder, "photos")).FullName;
        for (var p = 0; p < 2; p++)
        {
            var pixels = new byte[24 * 16 * 4];
            for (var i = 0; i < 24 * 16; i++)
            {
                pixels[4 * i] = (byte)(i * 7 + p * 50);
                pixels[4 * i + 1] = (byte)(i * 3 + 40);
                pixels[4 * i + 2] = (byte)(255 - i % 200);
                pixels[4 * i + 3] = 255;
            }
            ImageFile.WritePng(Path.Combine(photos, $"photo{p}.png"), new RgbaImage(24, 16, pixels));
        }
        var luts = Directory.CreateDirectory(Path.Combine(run.Folder, "luts")).FullName;
        foreach (var name in filters)
        {
            // A 2-point LUT that warms the picture: red up, blue down.
            var rows = new List<string> { "LUT_3D_SIZE 2" };
            for (var b = 0; b < 2; b++)
                for (var g = 0; g < 2; g++)
                    for (var r = 0; r < 2; r++)
                        rows.Add($"{Math.Min(1, r + 0.2)} {g} {Math.Max(0, b - 0.2)}");
            File.WriteAllLines(Path.Combine(luts, name + ".cube"), rows);
        }
    }

    [Test]
    public async Task The_teachers_own_answers_differ_by_exactly_zero_and_unused_tools_by_the_teachers_edit()
    {
        using var run = new RunFixture();
        WritePhotosAndLuts(run, RunFixture.Filters);
        var teacher = new FakeBackendFactory("Fake", run.Dataset);
        var nothing = new FakeBackendFactory("Nothing", run.Dataset) { Answer = _ => Task.FromResult<ToolResponse?>(new ToolResponse("null", 0, 0)) };
        var options = run.Options(BackendCatalog.Of(teacher, nothing));

        var report = await run.RunAsync(run.Config(OneBackend + "\n  - label: nothing\n    plugin: Nothing", Metric), options);

        var replay = report.Results.Single(r => r.Label == "fake").Metrics.Image!;
        Assert.That((replay.Mean, replay.P90, replay.WithinJnd, replay.Photos, replay.Size), Is.EqualTo((0.0, 0.0, 1.0, 2, 16)));
        Assert.That(replay.TeacherEdit, Is.GreaterThan(0));
        var none = report.Results.Single(r => r.Label == "nothing").Metrics.Image!;
        Assert.That(none.Mean, Is.EqualTo(none.TeacherEdit).Within(1e-9), "answering 'not used' everywhere leaves the photo as it was");
        var folder = RunLayout.ResultDirectory(options.RunDirectory, "nothing", "offline");
        Assert.That(File.ReadAllLines(Path.Combine(folder, ImageMetricStage.PerIntentFile)), Has.Length.EqualTo(run.Dataset.Rows.Length));
        Assert.That(MetricsJson.Read(Path.Combine(folder, RunLayout.MetricsFile)).Image, Is.EqualTo(none));
    }

    [Test]
    public void Settings_map_to_the_renderer_by_tool_and_unused_tools_or_unknown_filters_are_not_applied()
    {
        var adjust = new VectorSetting(ToolName.Adjust, [.. Enumerable.Range(0, 14).Select(i => (double)i)]);
        HashSet<string> looks = ["warm", "cool"];
        var settings = ImageMetricStage.Settings([adjust, null, new Harness.Tools.FilterSetting("warm", 30)], looks);
        Assert.That(settings.Adjust!.Value, Is.EqualTo(adjust.Values));
        Assert.That(settings.Selective, Is.Null);
        Assert.That(settings.Filter, Is.EqualTo(new Harness.Rendering.FilterSetting("warm", 30)));
        var unknown = ImageMetricStage.Settings([null, null, new Harness.Tools.FilterSetting("cool_Dream", 30)], looks);
        Assert.That(unknown.Filter, Is.Null, "a name outside the catalogue has no look: the app cannot apply it");
    }

    [Test]
    public void A_missing_photo_folder_or_a_filter_without_a_lut_stops_the_run_before_any_call_naming_it()
    {
        using var run = new RunFixture();
        WritePhotosAndLuts(run, RunFixture.Filters.Take(2));
        var fake = new FakeBackendFactory("Fake", run.Dataset);

        var noLut = Assert.ThrowsAsync<InputException>(() => run.RunAsync(run.Config(OneBackend, Metric), run.Options(BackendCatalog.Of(fake))))!;
        Assert.That(noLut.Message, Does.StartWith(Path.Combine(run.Folder, "eval.yaml") + ": image_metric: ").And.Contain("cool"));

        WritePhotosAndLuts(run, RunFixture.Filters);
        var noPhotos = Assert.ThrowsAsync<InputException>(() => run.RunAsync(run.Config(OneBackend, Metric.Replace("images: photos", "images: elsewhere")), run.Options(BackendCatalog.Of(fake), "run-2")))!;
        Assert.That(noPhotos.Message, Does.Contain("elsewhere").And.Contain("does not exist"));
        Assert.That(fake.Calls, Is.Empty);
    }
}
