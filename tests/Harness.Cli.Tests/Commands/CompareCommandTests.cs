namespace Harness.Cli.Tests.Commands;

public class CompareCommandTests
{
    [Test]
    public void Compare_writes_html_and_markdown_with_paired_differences()
    {
        using var run = new StoredRunBuilder();
        var teacher = run.Write("teacher", StoredRunBuilder.Teacher);
        var student = run.Write("student", run.SwappedFilters(every: 4));
        var outDir = Path.Combine(run.RunDirectory, "compare");

        var result = CliRunner.Run("compare", teacher, student, "--out", outDir);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("### Difference vs teacher (paired bootstrap, 95% interval)"));
        Assert.That(result.Stdout, Does.Match(@"\| student \| -0\.\d{3} \[-0\.\d{3}, -0\.\d{3}\] \| \+0\.000 \[\+0\.000, \+0\.000\]"));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "index.html")), Does.Contain("<section id=\"comparison\">"));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "report.md")), Does.StartWith("# Comparison: compare-teacher-vs-student"));
    }

    [Test]
    public void Compare_of_a_folder_without_results_exits_2()
    {
        var empty = Directory.CreateTempSubdirectory("harness-empty-").FullName;
        try
        {
            var result = CliRunner.Run("compare", empty);
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Stderr, Does.Contain("no metrics.json here"));
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }
}
