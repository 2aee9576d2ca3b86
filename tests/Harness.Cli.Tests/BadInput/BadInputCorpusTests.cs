namespace Harness.Cli.Tests.BadInput;

/// <summary>
/// Every bad input in <see cref="BadInputCorpus"/> ends the command with exit code 2 and one
/// <c>error:</c> line naming the file, line or field: never "internal error", never a stack trace.
/// </summary>
public class BadInputCorpusTests
{
    private string _template = "";

    [OneTimeSetUp]
    public void MakeTheValidRunFolder()
    {
        // One finished run of the sandbox's valid config, copied into the sandbox of every case that reads run/.
        using var sandbox = BadInputSandbox.Create(template: null);
        _template = Path.Combine(Path.GetTempPath(), "harness-bad-input-template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_template);
        foreach (var file in new[] { "test.jsonl", "filters.txt", "eval.yaml" })
            File.Copy(Path.Combine(sandbox.Directory, file), Path.Combine(_template, file));
        var run = CliRunner.Run("eval", "--config", Path.Combine(_template, "eval.yaml"), "--out", Path.Combine(_template, "run"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stdout + run.Stderr);
    }

    [OneTimeTearDown]
    public void DeleteTheTemplate() => Directory.Delete(_template, recursive: true);

    private static IEnumerable<TestCaseData> Cases() =>
        BadInputCorpus.All().Select(c => new TestCaseData(c).SetName(c.Name));

    [TestCaseSource(nameof(Cases))]
    public void Bad_input_exits_2_with_one_error_line_naming_the_place(BadInputCase bad)
    {
        using var sandbox = BadInputSandbox.Create(bad.NeedsRun ? _template : null);
        sandbox.Apply(bad.Files);

        var result = CliRunner.Run([.. bad.Args.Select(sandbox.Expand)]);

        var output = $"exit {result.ExitCode}\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}";
        TestContext.Out.WriteLine(result.Stderr);
        Assert.That(result.Stderr, Does.Not.Contain("internal error"), output);
        Assert.That(result.Stderr + result.Stdout, Does.Not.Contain("   at "), "no stack trace\n" + output);
        Assert.That(result.ExitCode, Is.EqualTo(2), output);
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1), output);
        Assert.That(result.ErrorLines[0], Does.StartWith("error: "), output);
        Assert.That(result.ErrorLines[0], Does.Contain(sandbox.Expand(bad.Expected)), output);
    }

    [Test]
    public void The_corpus_has_at_least_60_cases_with_unique_names()
    {
        var names = BadInputCorpus.All().Select(c => c.Name).ToList();
        Assert.That(names, Has.Count.GreaterThanOrEqualTo(60));
        Assert.That(names, Is.Unique);
    }
}
