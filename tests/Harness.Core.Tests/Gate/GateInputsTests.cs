using Harness.Gate;

namespace Harness.Core.Tests.Gate;

/// <summary>The gate end to end on results written to disk and scored on the shipped test split.</summary>
public class GateInputsTests
{
    private const string Policy = "min_overall: 0.5\nnon_inferiority:\n  overall: 0.02\n  filter.final: 0.03\nbootstrap:\n  resamples: 300\n";

    [Test]
    public void Candidate_equal_to_the_baseline_passes_non_inferiority()
    {
        using var run = new StoredRunBuilder();
        var baseline = run.Write("teacher", StoredRunBuilder.Teacher);
        var candidate = run.Write("student", StoredRunBuilder.Teacher);
        var decision = Decide(run, candidate, baseline);
        Assert.That(decision.Verdicts.Where(v => v.Rule.StartsWith("non_inferiority", StringComparison.Ordinal)).Select(v => v.Outcome), Is.All.EqualTo(GateOutcome.Pass));
        Assert.That(decision.Passed, Is.True, GateReport.Console(decision));
    }

    [Test]
    public void Candidate_with_degraded_filter_accuracy_fails_with_a_rule_line_saying_why()
    {
        using var run = new StoredRunBuilder();
        var baseline = run.Write("teacher", StoredRunBuilder.Teacher);
        var candidate = run.Write("student", run.SwappedFilters(every: 3));
        var decision = Decide(run, candidate, baseline);

        var filter = decision.Verdicts.Single(v => v.Rule == "non_inferiority.filter.final");
        Assert.That(filter.Outcome, Is.EqualTo(GateOutcome.Fail));
        Assert.That(filter.Reason, Does.StartWith("filter.final: candidate 0.").And.Contain("vs baseline 1.000").And.Contain("may be worse by more than the margin"));
        Assert.That(GateReport.Console(decision), Does.Contain("FAIL  non_inferiority.filter.final"));
        Assert.That(decision.Passed, Is.False);
    }

    [Test]
    public void Baseline_scored_on_other_rows_fails_non_inferiority_saying_rows_differ()
    {
        using var run = new StoredRunBuilder();
        var baseline = run.Write("teacher", StoredRunBuilder.Teacher);
        var candidate = run.Write("student", StoredRunBuilder.Teacher);
        var metrics = Path.Combine(baseline, "single-stream", "metrics.json");
        File.WriteAllText(metrics, File.ReadAllText(metrics).Replace(run.Dataset.Sha256, new string('0', 64), StringComparison.Ordinal));

        var verdict = Decide(run, candidate, baseline).Verdicts.First(v => v.Rule == "non_inferiority.overall");
        Assert.That(verdict.Outcome, Is.EqualTo(GateOutcome.Fail));
        Assert.That(verdict.Reason, Does.Contain("no paired interval: the rows differ: dataset sha256"));
    }

    [Test]
    public void Non_inferiority_without_a_baseline_is_an_input_error()
    {
        using var run = new StoredRunBuilder();
        var candidate = run.Write("student", StoredRunBuilder.Teacher);
        var policy = WritePolicy(run);
        var ex = Assert.Throws<InputException>(() => GateInputs.Load(GatePolicyReader.Read(policy), policy, candidate, null, null))!;
        Assert.That(ex.Message, Does.Contain("pass --baseline"));
    }

    [Test]
    public void A_run_folder_with_several_backends_is_not_a_candidate()
    {
        using var run = new StoredRunBuilder();
        run.Write("teacher", StoredRunBuilder.Teacher);
        run.Write("student", StoredRunBuilder.Teacher);
        var ex = Assert.Throws<InputException>(() => GateInputs.Load(GatePolicyReader.Read(WritePolicy(run)), "gate.yaml", run.RunDirectory, run.RunDirectory, null))!;
        Assert.That(ex.Message, Does.Contain("--candidate holds 2 backends (student, teacher); pass one backend folder"));
    }

    private static GateDecision Decide(StoredRunBuilder run, string candidate, string baseline)
    {
        var path = WritePolicy(run);
        var policy = GatePolicyReader.Read(path);
        return GateDecision.Evaluate(policy, GateInputs.Load(policy, path, candidate, baseline, null));
    }

    private static string WritePolicy(StoredRunBuilder run)
    {
        var path = Path.Combine(run.RunDirectory, "gate.yaml");
        File.WriteAllText(path, Policy);
        return path;
    }
}
