using System.Xml.Linq;

namespace Harness.Cli.Tests.Commands;

public class GateCommandTests
{
    [Test]
    public void Passing_gate_prints_every_rule_writes_both_files_and_exits_0()
    {
        using var run = new StoredRunBuilder();
        var baseline = run.Write("teacher", StoredRunBuilder.Teacher);
        var candidate = run.Write("student", StoredRunBuilder.Teacher);
        var outDir = Path.Combine(run.RunDirectory, "gate");

        var result = CliRunner.Run("gate", "--policy", Example(), "--candidate", candidate, "--baseline", baseline, "--out", outDir);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stdout + result.Stderr);
        Assert.That(result.Stdout, Does.Contain("PASS  min_overall").And.Contain("PASS  non_inferiority.overall").And.Contain("SKIP  max_p95_latency_ms.offline"));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "gate.md")), Does.StartWith("## Promotion gate: PASS"));
        var cases = XDocument.Load(Path.Combine(outDir, "gate.junit.xml")).Descendants("testcase").Count();
        Assert.That(cases, Is.EqualTo(result.Stdout.Split('\n').Count(l => l.StartsWith("PASS ", StringComparison.Ordinal) || l.StartsWith("FAIL ", StringComparison.Ordinal) || l.StartsWith("SKIP ", StringComparison.Ordinal))));
    }

    [Test]
    public void Failing_rule_exits_1_and_says_why()
    {
        using var run = new StoredRunBuilder();
        var baseline = run.Write("teacher", StoredRunBuilder.Teacher);
        var candidate = run.Write("student", run.SwappedFilters(every: 3));

        var result = CliRunner.Run("gate", "--policy", Example(), "--candidate", candidate, "--baseline", baseline, "--out", Path.Combine(run.RunDirectory, "gate"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stdout + result.Stderr);
        TestContext.Out.WriteLine(result.Stdout);
        Assert.That(result.Stdout, Does.Contain("FAIL  non_inferiority.filter.final").And.Contain("may be worse by more than the margin"));
        Assert.That(result.Stdout, Does.Contain("FAIL: "));
    }

    [Test]
    public void Bad_policy_exits_2_with_one_line_naming_the_file_and_field()
    {
        using var run = new StoredRunBuilder();
        var candidate = run.Write("student", StoredRunBuilder.Teacher);
        var policy = Path.Combine(run.RunDirectory, "bad.yaml");
        File.WriteAllText(policy, "min_overall: 0.7\nnon_inferiority:\n  overall: -0.1\n");

        var result = CliRunner.Run("gate", "--policy", policy, "--candidate", candidate);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.ErrorLines, Is.EqualTo(new[] { $"error: {policy}:3: non_inferiority.overall: must not be negative, got -0.1." }));
    }

    [Test]
    public void Missing_baseline_for_a_comparing_policy_exits_2()
    {
        using var run = new StoredRunBuilder();
        var candidate = run.Write("student", StoredRunBuilder.Teacher);

        var result = CliRunner.Run("gate", "--policy", Example(), "--candidate", candidate);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("pass --baseline RESULT"));
    }

    [Test]
    public void Missing_candidate_folder_exits_2()
    {
        var result = CliRunner.Run("gate", "--policy", Example(), "--candidate", "no/such/result", "--baseline", "no/such/baseline");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("no/such/result: folder not found"));
    }

    private static string Example() => RepositoryRoot.PathOf("gate.example.yaml");
}
