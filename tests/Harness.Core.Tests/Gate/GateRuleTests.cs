using System.Xml.Linq;
using Harness.Gate;
using Harness.Tools;

namespace Harness.Core.Tests.Gate;

public class GateRuleTests
{
    private static GateContext Alone => new(GateFixtures.Student(), null, "all", null);

    [Test]
    public void Minimum_scores_pass_at_or_above_and_fail_below_with_the_measured_value()
    {
        var decision = GateDecision.Evaluate(
            GateFixtures.Policy(minOverall: 0.80, tools: new Dictionary<ToolName, double> { [ToolName.Adjust] = 0.80, [ToolName.SelectiveAdjust] = 0.80 }),
            Alone);
        Assert.That(decision.Verdicts.Select(v => (v.Rule, v.Outcome)), Is.EqualTo(new[]
        {
            ("min_overall", GateOutcome.Pass), ("min_tool_final.adjust", GateOutcome.Pass), ("min_tool_final.selective_adjust", GateOutcome.Fail),
        }));
        var failed = decision.Verdicts[2];
        Assert.That(failed.Measured, Is.EqualTo("0.782"));
        Assert.That(failed.Reason, Is.EqualTo("selective_adjust final (all) 0.782 is below the minimum 0.800"));
        Assert.That(decision.Passed, Is.False);
        Assert.That(decision.Headline, Is.EqualTo("FAIL: 1 of 3 rules fail (min_tool_final.selective_adjust)"));
    }

    [Test]
    public void Latency_budget_is_checked_per_scenario_and_a_scenario_not_run_is_skipped_with_a_reason()
    {
        var student = GateFixtures.Student();
        var only = student with { Scenarios = [student.Scenarios[0]] };
        var decision = GateDecision.Evaluate(
            GateFixtures.Policy(latency: new Dictionary<string, double> { ["single-stream"] = 100, ["offline"] = 40 }),
            new GateContext(only, null, "all", null));
        Assert.That(decision.Verdicts.Select(v => (v.Rule, v.Outcome)), Is.EquivalentTo(new[]
        {
            ("max_p95_latency_ms.single-stream", GateOutcome.Fail), ("max_p95_latency_ms.offline", GateOutcome.Skip),
        }));
        Assert.That(decision.Verdicts.Single(v => v.Outcome == GateOutcome.Fail).Reason, Is.EqualTo("p95 per intent in single-stream is 144.0 ms, over the budget of 100.0 ms"));
        Assert.That(decision.Verdicts.Single(v => v.Outcome == GateOutcome.Skip).Reason, Is.EqualTo("the candidate has no offline result"));
        Assert.That(decision.Passed, Is.False);
    }

    [Test]
    public void Cost_uses_the_most_expensive_scenario_and_parse_rate_the_primary_one()
    {
        var decision = GateDecision.Evaluate(GateFixtures.Policy(cost: 0.05, parse: 0.02), Alone);
        Assert.That(decision.Verdicts[0].Outcome, Is.EqualTo(GateOutcome.Fail));
        Assert.That(decision.Verdicts[0].Measured, Is.EqualTo("0.0533 USD"));
        Assert.That(decision.Verdicts[1].Outcome, Is.EqualTo(GateOutcome.Pass));
        Assert.That(decision.Verdicts[1].Reason, Is.EqualTo("2 of 120 calls failed to parse (invalid_json 2)"));
    }

    [Test]
    public void Non_inferiority_passes_when_the_interval_lower_bound_stays_above_minus_margin()
    {
        var context = new GateContext(GateFixtures.Student(), GateFixtures.Student(), "all", [GateFixtures.Difference("overall", 0.84, 0.83, -0.015, 0.004)]);
        var verdict = GateDecision.Evaluate(GateFixtures.Policy(margins: new Dictionary<string, double> { ["overall"] = 0.02 }), context).Verdicts.Single();
        Assert.That(verdict.Outcome, Is.EqualTo(GateOutcome.Pass));
        Assert.That(verdict.Measured, Is.EqualTo("-0.010 [-0.015, +0.004]"));
    }

    [Test]
    public void Non_inferiority_fails_when_the_lower_bound_reaches_minus_margin_and_says_why()
    {
        var context = new GateContext(GateFixtures.Student(), GateFixtures.Student(), "all", [GateFixtures.Difference("filter.final", 0.87, 0.60, -0.35, -0.19)]);
        var verdict = GateDecision.Evaluate(GateFixtures.Policy(margins: new Dictionary<string, double> { ["filter.final"] = 0.03 }), context).Verdicts.Single();
        Assert.That(verdict.Outcome, Is.EqualTo(GateOutcome.Fail));
        Assert.That(verdict.Reason, Is.EqualTo("filter.final: candidate 0.600 vs baseline 0.870; the interval's lower bound -0.350 is at or below -0.030, so the candidate may be worse by more than the margin"));
    }

    [Test]
    public void Non_inferiority_fails_when_rows_differ_and_no_paired_interval_exists()
    {
        var context = new GateContext(GateFixtures.Student(), GateFixtures.Student(), "all", null, "the rows differ (dataset sha256 9f2c4e1a vs 0b1c2d3e)");
        var verdict = GateDecision.Evaluate(GateFixtures.Policy(margins: new Dictionary<string, double> { ["overall"] = 0.02 }), context).Verdicts.Single();
        Assert.That(verdict.Outcome, Is.EqualTo(GateOutcome.Fail));
        Assert.That(verdict.Reason, Does.Contain("no paired interval: the rows differ"));
    }

    [Test]
    public void JUnit_file_is_well_formed_with_one_test_case_per_rule()
    {
        var decision = GateDecision.Evaluate(
            GateFixtures.Policy(minOverall: 0.9, parse: 0.5, latency: new Dictionary<string, double> { ["single-stream"] = 1000, ["offline"] = 1000 }),
            new GateContext(GateFixtures.Student() with { Scenarios = [GateFixtures.Student().Scenarios[0]] }, null, "all", null));
        var xml = XDocument.Parse(GateReport.JUnit(decision));
        var cases = xml.Descendants("testcase").ToList();
        Assert.That(cases.Select(c => (string?)c.Attribute("name")), Is.EqualTo(decision.Verdicts.Select(v => v.Rule)));
        Assert.That(cases.Single(c => (string?)c.Attribute("name") == "min_overall").Element("failure")?.Attribute("message")?.Value,
            Is.EqualTo("overall (all) 0.842 is below the minimum 0.900"));
        Assert.That(cases.Count(c => c.Element("skipped") is not null), Is.EqualTo(1));
        Assert.That((string?)xml.Root!.Attribute("tests"), Is.EqualTo("4"));
        Assert.That((string?)xml.Root.Attribute("failures"), Is.EqualTo("1"));
    }

    [Test]
    public void Markdown_lists_every_rule_with_its_verdict()
    {
        var decision = GateDecision.Evaluate(GateFixtures.Policy(minOverall: 0.9, parse: 0.5), Alone);
        var md = GateReport.Markdown(decision);
        Assert.That(md, Does.StartWith("## Promotion gate: FAIL"));
        Assert.That(md, Does.Contain("| `min_overall` | **FAIL** | 0.842 | >= 0.900 | overall (all) 0.842 is below the minimum 0.900 |"));
        Assert.That(md, Does.Contain("| `max_parse_failure_rate` | PASS | 1.7% | <= 50.0% |"));
    }
}
