using Harness.Gate;
using Harness.Metrics;
using Harness.Runs;

namespace Harness.Core.Tests.Gate;

/// <summary>The server-scenario gate rules: capacity at a bound, against a baseline, and a tail budget at a rate.</summary>
public class ServerGateRuleTests
{
    // A subject whose server scenario found its capacity at p99 <= 100 ms, probing 50, 100, 200 and 150 intents/s.
    private static GateSubject WithCapacity(double capacity, double boundMs = 100, bool findPeak = true)
    {
        var student = GateFixtures.Student();
        var metrics = student.Primary;
        var probes = new[] { 50.0, 100, capacity, capacity * 1.5 }.Distinct().Order()
            .Select(q => new ServerProbe(q, q, q <= capacity ? q / 4 : 400, q <= capacity)).ToList();
        var summary = new ServerSummary(capacity, capacity, capacity, boundMs, 99, capacity / 4, capacity / 3, 0, 1000, 5, 0.1, true, "within",
            findPeak ? new PeakSummary(capacity, null, [.. probes]) : null);
        var server = metrics with { Run = metrics.Run with { Scenario = ScenarioNames.Server }, Server = summary };
        return new GateSubject(student.Path, [.. student.Scenarios, server]);
    }

    private static GatePolicy Policy(CapacityRequirement? capacity = null, ServerTailBudget? tail = null) =>
        GateFixtures.Policy() with { Capacity = capacity, ServerTail = tail };

    [Test]
    public void Capacity_at_the_bound_passes_at_or_above_the_minimum_and_fails_below()
    {
        var pass = GateDecision.Evaluate(Policy(new CapacityRequirement(100, 150, null)), new GateContext(WithCapacity(160), null, "all", null));
        var fail = GateDecision.Evaluate(Policy(new CapacityRequirement(100, 200, null)), new GateContext(WithCapacity(160), null, "all", null));

        Assert.That(pass.Verdicts.Single().Outcome, Is.EqualTo(GateOutcome.Pass));
        Assert.That(fail.Verdicts.Single(), Is.EqualTo(new GateVerdict("min_capacity.qps", GateOutcome.Fail, "160/s", ">= 200/s at 100.0 ms",
            "capacity at p99 <= 100.0 ms is 160 intents/s, below the minimum of 200")));
    }

    [Test]
    public void A_capacity_found_at_another_bound_or_not_searched_is_skipped_with_the_reason()
    {
        var policy = Policy(new CapacityRequirement(50, 150, null));

        Assert.That(GateDecision.Evaluate(policy, new GateContext(WithCapacity(160), null, "all", null)).Verdicts.Single().Reason,
            Is.EqualTo("the candidate's capacity was found at p99 <= 100.0 ms, not at 50.0 ms"));
        Assert.That(GateDecision.Evaluate(policy, new GateContext(WithCapacity(160, boundMs: 50, findPeak: false), null, "all", null)).Verdicts.Single().Reason,
            Is.EqualTo("the candidate's server scenario did not search its capacity (find_peak)"));
        Assert.That(GateDecision.Evaluate(policy, new GateContext(GateFixtures.Student(), null, "all", null)).Verdicts.Single().Outcome, Is.EqualTo(GateOutcome.Skip));
    }

    [Test]
    public void Capacity_against_the_baseline_is_a_share_of_the_baselines()
    {
        var policy = Policy(new CapacityRequirement(100, null, 0.9));

        Assert.That(policy.NeedsBaseline, Is.True);
        var pass = GateDecision.Evaluate(policy, new GateContext(WithCapacity(180), WithCapacity(200), "all", null)).Verdicts.Single();
        var fail = GateDecision.Evaluate(policy, new GateContext(WithCapacity(170), WithCapacity(200), "all", null)).Verdicts.Single();
        Assert.That((pass.Outcome, pass.Measured), Is.EqualTo((GateOutcome.Pass, "90%")));
        Assert.That((fail.Outcome, fail.Measured, fail.Reason), Is.EqualTo((GateOutcome.Fail, "85%", "capacity at p99 <= 100.0 ms: 170 intents/s against the baseline's 200")));
    }

    [Test]
    public void The_tail_at_a_rate_is_read_from_the_run_or_its_probe_at_that_rate()
    {
        var subject = WithCapacity(160);

        var atProbe = GateDecision.Evaluate(Policy(tail: new ServerTailBudget(100, 30)), new GateContext(subject, null, "all", null)).Verdicts.Single();
        var atRun = GateDecision.Evaluate(Policy(tail: new ServerTailBudget(160, 30)), new GateContext(subject, null, "all", null)).Verdicts.Single();
        var notRun = GateDecision.Evaluate(Policy(tail: new ServerTailBudget(120, 30)), new GateContext(subject, null, "all", null)).Verdicts.Single();

        Assert.That((atProbe.Outcome, atProbe.Measured), Is.EqualTo((GateOutcome.Pass, "25.0 ms")));
        Assert.That((atRun.Outcome, atRun.Measured), Is.EqualTo((GateOutcome.Fail, "40.0 ms")));
        Assert.That((notRun.Outcome, notRun.Reason), Is.EqualTo((GateOutcome.Skip, "the candidate's server scenario ran no load of 120 intents/s")));
    }
}
