namespace Harness.Cli.Tests.Commands;

public class BenchCommandTests : SmallSplitTest
{
    [SetUp]
    public void WriteConfig()
    {
        Fixture.Write("eval.yaml",
            "dataset: test.jsonl",
            "scenarios: [single-stream, offline]",
            "backends:",
            "  - { label: teacher, plugin: Replay, options: { dataset: test.jsonl }, batch_size: 4 }",
            "  - { label: retrieval, plugin: Retrieval, options: { train: test.jsonl }, batch_size: 4 }");
    }

    private static string[] Rows(CliRunner.Result result) =>
        [.. result.Stdout.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1)];

    [Test]
    public void Bench_prints_one_row_per_backend_with_ratios_to_the_first_and_the_share_of_identical_outputs()
    {
        var result = CliRunner.Run("bench", "--config", Fixture.PathOf("eval.yaml"), "--rounds", "3", "--intents", "4");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("| backend | plugin | isolation | single-stream ms/intent | x teacher | offline ms/intent | x teacher | same output |"));
        var rows = Rows(result);
        Assert.That(rows, Has.Length.EqualTo(2));
        Assert.That(rows[0], Does.Match(@"^\| teacher \| Replay \| in-process \| [0-9.]+ \| 1\.00 \| [0-9.]+ \| 1\.00 \| 100\.0 ?% \|$"));
        Assert.That(rows[1], Does.Match(@"^\| retrieval \| Retrieval \| in-process \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ ?% \|$"));
    }

    [Test]
    public void Bench_with_isolation_both_measures_each_backend_in_process_and_in_a_child_process()
    {
        var result = CliRunner.Run("bench", "--config", Fixture.PathOf("eval.yaml"), "--backends", "teacher", "--isolation", "both", "--rounds", "2", "--intents", "3");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        var rows = Rows(result);
        Assert.That(rows, Has.Length.EqualTo(2));
        Assert.That(rows[0], Does.StartWith("| teacher | Replay | in-process |"));
        Assert.That(rows[1], Does.StartWith("| teacher+process | Replay | process |").And.EndWith("| 100.0 % |"));
    }

    [Test]
    public void An_unknown_backend_label_is_one_error_line_listing_the_labels()
    {
        var result = CliRunner.Run("bench", "--config", Fixture.PathOf("eval.yaml"), "--backends", "teacher,nope");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.ErrorLines, Is.EqualTo(new[] { $"error: --backends: 'nope' is not a backend of {Fixture.PathOf("eval.yaml")}; labels: teacher, retrieval" }));
    }
}
