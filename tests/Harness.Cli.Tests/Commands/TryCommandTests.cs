using Harness.Plugins;
using Harness.Rendering;

namespace Harness.Cli.Tests.Commands;

public class TryCommandTests : SmallSplitTest
{
    private static readonly string Root = PluginDirectories.FindRepositoryRoot(AppContext.BaseDirectory)!;
    private static readonly string Images = Path.Combine(Root, "datasets", "images");
    private static readonly string Luts = Path.Combine(Root, "datasets", "tonal-color", "luts");

    private const string Retrieval = "  - label: retrieval\n    plugin: Retrieval\n    options: { train: test.jsonl, k: 1 }";
    private const string Replay = "  - label: teacher\n    plugin: Replay\n    options: { dataset: test.jsonl }";

    private string Config(params string[] backends) => Fixture.Write("eval.yaml",
        $"dataset: test.jsonl\nimage_metric: {{ images: {Images}, luts: {Luts}, size: 32 }}\nbackends:\n{string.Join("\n", backends)}");

    [Test]
    public void Prints_three_calls_with_verdicts_per_backend_and_writes_the_renders_at_full_size()
    {
        var output = Fixture.PathOf("try");
        var result = CliRunner.Run("try", "golden hour", "--config", Config(Replay, Retrieval, Retrieval.Replace("label: retrieval", "label: retrieval-2")), "--out", output);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("retrieval (Retrieval): answered in ").And.Contain("retrieval-2 (Retrieval): answered in "));
        foreach (var tool in new[] { "adjust", "selective_adjust", "filter" })
            Assert.That(result.Stdout.Split('\n').Count(l => l == $"  {tool}: used"), Is.EqualTo(2), tool);
        Assert.That(result.Stdout, Does.Contain("\"name\":\"faded_HighNoon\""));
        Assert.That(result.Stdout, Does.Contain("teacher (Replay): cannot answer a new intent"));
        Assert.That(result.Stdout.TrimEnd('\n').Split('\n')[^1], Is.EqualTo("2 of 3 backends answered"));

        // The image metric's photos, at their own resolution (not the metric's 32 px).
        foreach (var label in new[] { "retrieval", "retrieval-2" })
        {
            var pngs = Directory.GetFiles(Path.Combine(output, label), "*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal);
            Assert.That(pngs, Is.EqualTo(Directory.GetFiles(Images, "*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal)), label);
        }
        var coffee = ImageFile.Read(Path.Combine(output, "retrieval", "coffee.png"));
        Assert.That((coffee.Width, coffee.Height), Is.EqualTo((256, 171)));
        Assert.That(Directory.Exists(Path.Combine(output, "teacher")), Is.False);
    }

    [Test]
    public void Image_renders_on_that_photo_only()
    {
        var output = Fixture.PathOf("try");
        var result = CliRunner.Run("try", "golden hour", "--config", Config(Retrieval), "--out", output, "--image", Path.Combine(Images, "rocket.png"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(Directory.GetFiles(Path.Combine(output, "retrieval")).Select(Path.GetFileName), Is.EqualTo(new[] { "rocket.png" }));
    }

    [Test]
    public void Only_replay_backends_exit_1_saying_none_can_answer()
    {
        var result = CliRunner.Run("try", "golden hour", "--config", Config(Replay), "--out", Fixture.PathOf("try"));

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stdout, Does.Contain("teacher (Replay): cannot answer a new intent: Replay replays recorded outputs by intent id"));
        Assert.That(result.Stdout.TrimEnd('\n').Split('\n')[^1], Is.EqualTo("0 of 1 backend answered"));
    }

    [Test]
    public void A_backend_that_fails_to_load_gives_its_message_and_the_others_still_answer()
    {
        var broken = "  - label: broken\n    plugin: Retrieval\n    options: { train: missing.jsonl }";
        var result = CliRunner.Run("try", "golden hour", "--config", Config(broken, Retrieval), "--out", Fixture.PathOf("try"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("broken (Retrieval): did not answer: failed to start:").And.Contain("missing.jsonl"));
        Assert.That(result.Stdout, Does.Contain("retrieval (Retrieval): answered in "));
    }

    [Test]
    public void An_empty_intent_exits_2_with_one_clear_line()
    {
        var result = CliRunner.Run("try", "", "--config", Config(Retrieval));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.ErrorLines[0], Does.StartWith("error: the intent is empty"));
    }

    [Test]
    public void A_missing_config_exits_2_naming_it()
    {
        var missing = Fixture.PathOf("nope.yaml");
        var result = CliRunner.Run("try", "golden hour", "--config", missing);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.ErrorLines[0], Does.Contain("nope.yaml: config file not found"));
    }
}
