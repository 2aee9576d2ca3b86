using Harness.Api;
using Harness.Datasets;
using Harness.Parsing;
using Harness.Plugins;
using Harness.Rendering;
using Harness.Running;
using Harness.Tools;

namespace Harness.Core.Tests.Running;

/// <summary>
/// <c>harness try</c> through <see cref="EvaluationCatalog.TryIntentAsync"/> with the built Retrieval and
/// Replay plugins (bin/plugins of the repository): Retrieval over the small split answers "golden hour"
/// with that row's teacher outputs, so its verdicts and renders are known exactly.
/// </summary>
public class IntentTryTests : SmallSplitTest
{
    private static readonly string Root = PluginDirectories.FindRepositoryRoot(AppContext.BaseDirectory)!;
    private static readonly string Coffee = Path.Combine(Root, "datasets", "images", "coffee.png");
    private static readonly string Luts = Path.Combine(Root, "datasets", "tonal-color", "luts");

    private const string Retrieval = "  - label: retrieval\n    plugin: Retrieval\n    options: { train: test.jsonl, k: 1 }";
    private const string Replay = "  - label: teacher\n    plugin: Replay\n    options: { dataset: test.jsonl }";

    private static readonly HarnessContext Harness = new();

    private EvalConfig Config(params string[] backends) => Harness.Evaluation.LoadConfig(Fixture.Write("eval.yaml",
        $"dataset: test.jsonl\nimage_metric: {{ images: {Path.GetDirectoryName(Coffee)}, luts: {Luts} }}\nbackends:\n{string.Join("\n", backends)}"));

    private IntentTryOptions Options => new() { OutputDirectory = Fixture.PathOf("try"), Image = Coffee };

    [Test]
    public async Task Retrieval_answers_the_three_tools_with_the_nearest_rows_teacher_outputs_and_renders_them()
    {
        var result = await Harness.Evaluation.TryIntentAsync(Config(Retrieval), "golden hour", Options);

        var backend = result.Backends.Single();
        Assert.That(backend.Outcome, Is.EqualTo(BackendTryOutcome.Answered), backend.Message);
        Assert.That(backend.Message, Is.Null);
        Assert.That(backend.Calls.Select(c => c.Tool), Is.EqualTo(ToolSchema.All));
        Assert.That(backend.Calls.Select(c => c.Verdict), Has.All.EqualTo("used"));
        Assert.That(backend.LatencyMs, Is.GreaterThan(0));
        var row = DatasetLoader.Load(SplitPath).Rows.Single(r => r.Intent == "golden hour");
        foreach (var call in backend.Calls)
            Assert.That(call.Parsed.Setting, Is.EqualTo(row.TeacherFor(call.Tool)), call.Tool.WireName());

        Assert.That(result.Photos, Is.EqualTo(new[] { "coffee.png" }));
        Assert.That(backend.Renders, Is.EqualTo(new[] { Path.Combine(Fixture.PathOf("try"), "retrieval", "coffee.png") }));
        var expected = new Renderer(new LutLibrary(Luts)).Render(ImageFile.Read(Coffee), ImageMetricStage.Settings(ToolSchema.All.Select(row.TeacherFor), new HashSet<string> { "faded_HighNoon" }));
        Assert.That(ImageFile.Read(backend.Renders[0]).Pixels, Is.EqualTo(expected.Pixels));
        Assert.That(result.AnyAnswered);
    }

    [Test]
    public async Task Without_image_it_renders_on_every_photo_of_the_image_metric_at_full_size()
    {
        var result = await Harness.Evaluation.TryIntentAsync(Config(Retrieval), "golden hour", Options with { Image = null });

        var photos = Directory.GetFiles(Path.GetDirectoryName(Coffee)!, "*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.That(result.Photos, Is.EqualTo(photos));
        Assert.That(result.PhotoNote, Is.Null);
        Assert.That(result.Backends[0].Renders.Select(Path.GetFileName), Is.EqualTo(photos));
        var coffee = ImageFile.Read(result.Backends[0].Renders.Single(r => r.EndsWith("coffee.png", StringComparison.Ordinal)));
        var photo = ImageFile.Read(Coffee);
        Assert.That((coffee.Width, coffee.Height), Is.EqualTo((photo.Width, photo.Height)), "not scaled to the metric's size");
    }

    [Test]
    public async Task A_replay_backend_is_reported_as_unable_to_answer_and_the_others_still_run()
    {
        var result = await Harness.Evaluation.TryIntentAsync(Config(Replay, Retrieval), "golden hour", Options);

        Assert.That(result.Backends.Select(b => b.Outcome), Is.EqualTo(new[] { BackendTryOutcome.ReplaysOnly, BackendTryOutcome.Answered }));
        Assert.That(result.Backends[0].Message, Does.Contain("cannot answer a new intent"));
        Assert.That(result.Backends[0].Calls, Is.Empty);
        Assert.That(Directory.Exists(Fixture.PathOf(Path.Combine("try", "teacher"))), Is.False);
    }

    [Test]
    public async Task A_backend_that_fails_to_start_gives_its_reason_and_the_others_still_run()
    {
        var missing = "  - label: broken\n    plugin: Retrieval\n    options: { train: missing.jsonl }";
        var unknown = "  - label: nowhere\n    plugin: NoSuchPlugin";

        var result = await Harness.Evaluation.TryIntentAsync(Config(missing, unknown, Retrieval), "golden hour", Options);

        Assert.That(result.Backends.Select(b => b.Outcome), Is.EqualTo(new[] { BackendTryOutcome.Failed, BackendTryOutcome.Failed, BackendTryOutcome.Answered }));
        Assert.That(result.Backends[0].Message, Does.StartWith("failed to start:").And.Contain("missing.jsonl"));
        Assert.That(result.Backends[1].Message, Does.Contain("unknown plugin 'NoSuchPlugin'"));
    }

    [Test]
    public async Task With_no_backend_answering_the_result_says_so()
    {
        var result = await Harness.Evaluation.TryIntentAsync(Config(Replay), "golden hour", Options);
        Assert.That(result.AnyAnswered, Is.False);
    }

    [TestCase("")]
    [TestCase("   ")]
    public void An_empty_intent_is_an_input_error(string intent)
    {
        var error = Assert.ThrowsAsync<InputException>(() => Harness.Evaluation.TryIntentAsync(Config(Retrieval), intent, Options));
        Assert.That(error!.Message, Does.Contain("the intent is empty"));
    }

    [Test]
    public void An_unreadable_image_is_an_input_error_naming_it()
    {
        var image = Fixture.Write("broken.png", "not a png");
        var error = Assert.ThrowsAsync<InputException>(() => Harness.Evaluation.TryIntentAsync(Config(Retrieval), "golden hour", Options with { Image = image }));
        Assert.That(error!.Message, Does.Contain(image));
    }

    [Test]
    public void A_verdict_in_words_names_clamped_values_and_a_filter_outside_the_catalogue()
    {
        var parser = new OutputParser(FilterCatalog.Load(Fixture.FiltersPath));
        var adjust = parser.Parse(ToolName.Adjust, """{"exposure": 500}""");
        var filter = parser.Parse(ToolName.Filter, """{"name": "no_Such", "intensity": 50}""");
        var broken = parser.Parse(ToolName.Filter, "not json");
        var looks = new HashSet<string>();

        Assert.That(TriedCall.Describe(adjust, parser, looks), Is.EqualTo("used (1 value out of range, clamped)"));
        Assert.That(TriedCall.Describe(filter, parser, looks), Does.Contain("'no_Such' is not in the catalogue").And.Contain("no LUT for it, not rendered"));
        Assert.That(TriedCall.Describe(broken, parser, looks), Does.StartWith(broken.Failure!.Value.WireName() + " (counts as not used)"));
        Assert.That(TriedCall.Describe(parser.Parse(ToolName.Adjust, "null"), parser, looks), Is.EqualTo("not used"));
    }
}
