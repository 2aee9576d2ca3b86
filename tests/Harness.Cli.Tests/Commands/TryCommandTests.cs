using Harness.Plugins;
using Harness.Rendering;

namespace Harness.Cli.Tests.Commands;

public class TryCommandTests : SmallSplitTest
{
    private static readonly string Root = PluginDirectories.FindRepositoryRoot(AppContext.BaseDirectory)!;
    private static readonly string Coffee = Path.Combine(Root, "datasets", "images", "coffee.png");
    private static readonly string Luts = Path.Combine(Root, "datasets", "tonal-color", "luts");

    private const string Retrieval = "  - label: retrieval\n    plugin: Retrieval\n    options: { train: test.jsonl, k: 1 }";
    private const string Teacher = "  - label: teacher\n    plugin: Replay\n    options: { dataset: test.jsonl }";

    private string Config(params string[] backends) =>
        Fixture.Write("eval.yaml", $"dataset: test.jsonl\nwarmup: 0\nreports: []\nimage_metric: {{ images: {Path.GetDirectoryName(Coffee)}, luts: {Luts}, size: 64 }}\nbackends:\n{string.Join("\n", backends)}");

    [Test]
    public void Each_backend_answers_the_typed_intent_with_three_verdicts_and_its_renders_and_a_replay_says_it_cannot()
    {
        var output = Fixture.PathOf("try");

        var result = CliRunner.Run("try", "golden hour", "--config", Config(Teacher, Retrieval), "--out", output, "--image", Coffee);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        // Retrieval over the split finds the row whose intent is the typed one and answers with its
        // teacher calls: all three tools used, the filter the row's.
        Assert.That(result.Stdout, Does.Contain("teacher (Replay): cannot answer"));
        Assert.That(result.Stdout, Does.Contain("retrieval (Retrieval):"));
        Assert.That(result.Stdout, Does.Contain("\"name\":\"faded_HighNoon\",\"intensity\":40"));
        Assert.That(result.Stdout.Split('\n').Count(l => l.Contains("-> used", StringComparison.Ordinal)), Is.EqualTo(3), result.Stdout);
        Assert.That(result.Stdout, Does.Contain("1 of 2 backends answered"));

        var render = ImageFile.Read(Path.Combine(output, "retrieval", "coffee.png"));
        var photo = ImageFile.Read(Coffee);
        Assert.That((render.Width, render.Height), Is.EqualTo((photo.Width, photo.Height)));
        Assert.That(DeltaE2000.Mean(photo, render), Is.GreaterThan(1), "the answer's edit shows in the render");
        Assert.That(Directory.Exists(Path.Combine(output, "teacher")), Is.False, "a replay is not started, so renders nothing");
    }

    [Test]
    public void A_tool_the_backend_leaves_out_is_reported_not_used()
    {
        var result = CliRunner.Run("try", "slightly warmer", "--config", Config(Retrieval), "--out", Fixture.PathOf("try"), "--image", Coffee);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout.Split('\n').Count(l => l.Contains("-> not used", StringComparison.Ordinal)), Is.EqualTo(2), result.Stdout);
    }

    [Test]
    public void When_no_backend_can_answer_the_exit_code_is_1_and_each_says_why()
    {
        var result = CliRunner.Run("try", "golden hour", "--config", Config(Teacher), "--out", Fixture.PathOf("try"));

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stdout, Does.Contain("cannot answer").And.Contain("0 of 1 backends answered"));
    }

    [Test]
    public void An_empty_intent_or_a_missing_config_is_an_input_error()
    {
        var empty = CliRunner.Run("try", "  ", "--config", Config(Retrieval), "--out", Fixture.PathOf("try"));
        Assert.That(empty.ExitCode, Is.EqualTo(2));
        Assert.That(empty.Stderr, Does.Contain("the intent is empty"));

        var missing = CliRunner.Run("try", "golden hour", "--config", Fixture.PathOf("nope.yaml"));
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Stderr, Does.Contain("nope.yaml"));
        Assert.That(missing.Stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public void A_missing_image_is_an_input_error_naming_it()
    {
        var result = CliRunner.Run("try", "golden hour", "--config", Config(Retrieval), "--out", Fixture.PathOf("try"), "--image", Fixture.PathOf("no.png"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("no.png"));
    }
}
