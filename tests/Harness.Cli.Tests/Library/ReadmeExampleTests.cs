using Harness.Api;
using Harness.Datasets;
using Harness.Gate;

namespace Harness.Cli.Tests.Library;

/// <summary>
/// The README's "As a library" example runs here exactly as written: its code block must be the
/// text between this file's marker comments, so the two cannot drift apart. It loads the built
/// Retrieval and Replay plugins from bin/plugins, as the <c>harness</c> command does.
/// </summary>
public sealed class ReadmeExampleTests
{
    private const string Begin = "// README \"As a library\" begins";
    private const string End = "// README \"As a library\" ends";

    [Test]
    public async Task The_readme_example_evaluates_retrieval_on_100_rows_compares_it_with_the_oracle_and_checks_a_gate()
    {
        var (directory, console) = (Environment.CurrentDirectory, Console.Out);
        using var printed = new StringWriter();
        // The example's paths are relative to the repository root, as every command in the README is.
        Environment.CurrentDirectory = RepositoryRoot.Path;
        Console.SetOut(printed);
        try
        {
            // README "As a library" begins
            var harness = new HarnessContext(seed: 20241002);
            var test = harness.Data.Load("datasets/tonal-color/test.jsonl");
            var first100 = new EvaluationOptions { Rows = 100 };

            // The floor: the TF-IDF nearest train intent's answer.
            var retrieval = harness.Backends.Create("Retrieval",
                new Dictionary<string, string> { ["train"] = "datasets/tonal-color/train.jsonl" });
            var floor = await harness.Evaluation.EvaluateAsync(retrieval, test, first100);
            var all = floor.Metrics.Subset(Subsets.AllRows);
            Console.WriteLine($"retrieval: overall {all.Overall:0.000} [{all.OverallCi95!.Lower:0.000}, {all.OverallCi95.Upper:0.000}]");

            // The generator's oracle, replayed, against it: a paired bootstrap over the same rows.
            var oracle = harness.Backends.Create("Replay",
                new Dictionary<string, string> { ["predictions"] = "datasets/tonal-color/test.oracle.jsonl" }, label: "oracle");
            var ceiling = await harness.Evaluation.EvaluateAsync(oracle, test, first100);
            var gain = harness.Comparison.Compare(test, floor, ceiling).Find(Subsets.AllRows, "overall")!;
            Console.WriteLine($"oracle - retrieval: {gain.Difference:+0.000;-0.000} [{gain.Ci95.Lower:+0.000;-0.000}, {gain.Ci95.Upper:+0.000;-0.000}]");

            // Would the oracle pass the example promotion policy, with retrieval as its baseline?
            var policy = harness.Gate.ReadPolicy("gate.example.yaml");
            var decision = harness.Gate.Check(policy, test, candidate: ceiling, baseline: floor);
            foreach (var verdict in decision.Verdicts)
                Console.WriteLine($"{verdict.Label} {verdict.Rule}: {verdict.Measured} ({verdict.Threshold})");
            Console.WriteLine(decision.Headline);
            // README "As a library" ends

            TestContext.Out.Write(printed.ToString());
            Assert.That(all.N, Is.EqualTo(100));
            Assert.That(all.OverallCi95!.Contains(all.Overall), Is.True);
            Assert.That(floor.Calls, Has.Length.EqualTo(300), "100 rows, three tools each");
            Assert.That(gain.Difference, Is.GreaterThan(0), "the oracle beats the floor");
            Assert.That(gain.Ci95.Lower, Is.GreaterThan(0), "by more than resampling noise");
            Assert.That(decision.Verdicts.Single(v => v.Rule == "non_inferiority.overall").Outcome, Is.EqualTo(GateOutcome.Pass));
            Assert.That(printed.ToString(), Does.StartWith("retrieval: overall 0."));
        }
        finally
        {
            Console.SetOut(console);
            Environment.CurrentDirectory = directory;
        }
    }

    [Test]
    public void The_readme_shows_the_example_exactly_as_the_test_runs_it()
    {
        var readme = File.ReadAllText(RepositoryRoot.PathOf("README.md")).ReplaceLineEndings("\n");
        var section = readme.IndexOf("\n## As a library\n", StringComparison.Ordinal);
        Assert.That(section, Is.GreaterThanOrEqualTo(0), "README.md has a section '## As a library'");
        var start = readme.IndexOf("```csharp\n", section, StringComparison.Ordinal) + "```csharp\n".Length;
        var shown = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        Assert.That(shown, Is.EqualTo(ExampleBody()), "copy the example between the marker comments of this test into README.md's 'As a library' block (or the other way round)");
    }

    // The lines between the markers, with the test's indentation taken off.
    private static string ExampleBody()
    {
        var lines = File.ReadAllLines(RepositoryRoot.PathOf("tests", "Harness.Cli.Tests", "Library", "ReadmeExampleTests.cs"));
        var begin = Array.FindIndex(lines, l => l.Trim() == Begin);
        var end = Array.FindIndex(lines, l => l.Trim() == End);
        var indent = lines[begin].Length - lines[begin].TrimStart().Length;
        return string.Concat(lines[(begin + 1)..end].Select(l => (l.Length >= indent ? l[indent..] : l.TrimStart()) + "\n"));
    }
}
