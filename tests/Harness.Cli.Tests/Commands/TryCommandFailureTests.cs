using Harness.Plugins;

namespace Harness.Cli.Tests.Commands;

/// <summary><c>harness try</c> when some backends cannot answer: each says why and the others still run.</summary>
public class TryCommandFailureTests : SmallSplitTest
{
    private static readonly string Root = PluginDirectories.FindRepositoryRoot(AppContext.BaseDirectory)!;
    private static readonly string Coffee = Path.Combine(Root, "datasets", "images", "coffee.png");
    private static readonly string Luts = Path.Combine(Root, "datasets", "tonal-color", "luts");

    private const string Retrieval = "  - label: retrieval\n    plugin: Retrieval\n    options: { train: test.jsonl, k: 1 }";

    private string Config(params string[] backends) =>
        Fixture.Write("eval.yaml", $"dataset: test.jsonl\nimage_metric: {{ images: {Path.GetDirectoryName(Coffee)}, luts: {Luts}, size: 64 }}\nbackends:\n{string.Join("\n", backends)}");

    [Test]
    public void A_backend_that_fails_to_load_gives_its_message_and_the_others_still_answer()
    {
        var broken = "  - label: broken\n    plugin: Retrieval\n    options: { train: missing.jsonl }";
        var unknown = "  - label: nowhere\n    plugin: NoSuchPlugin";
        var output = Fixture.PathOf("try");

        var result = CliRunner.Run("try", "golden hour", "--config", Config(broken, unknown, Retrieval), "--out", output, "--image", Coffee);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("broken (Retrieval): failed: failed to start:").And.Contain("missing.jsonl"));
        Assert.That(result.Stdout, Does.Contain("nowhere (NoSuchPlugin): failed: unknown plugin 'NoSuchPlugin'"));
        Assert.That(result.Stdout, Does.Contain("1 of 3 backends answered"));
        Assert.That(File.Exists(Path.Combine(output, "retrieval", "coffee.png")));
        Assert.That(Directory.Exists(Path.Combine(output, "broken")), Is.False);
    }

    [Test]
    public void When_every_backend_fails_to_load_the_exit_code_is_1()
    {
        var result = CliRunner.Run("try", "golden hour", "--config", Config("  - label: nowhere\n    plugin: NoSuchPlugin"), "--out", Fixture.PathOf("try"));

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stdout, Does.Contain("unknown plugin 'NoSuchPlugin'").And.Contain("0 of 1 backends answered"));
    }
}
