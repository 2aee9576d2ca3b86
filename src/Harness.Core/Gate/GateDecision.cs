using System.Collections.Immutable;

namespace Harness.Gate;

/// <summary>The verdicts of every rule of a policy for one candidate; it passes when no rule fails.</summary>
public sealed record GateDecision(GateContext Context, ImmutableArray<GateVerdict> Verdicts)
{
    public bool Passed => Verdicts.All(v => v.Outcome != GateOutcome.Fail);

    public int Failures => Verdicts.Count(v => v.Outcome == GateOutcome.Fail);

    /// <summary>Runs every rule of <paramref name="policy"/> against <paramref name="context"/>.</summary>
    public static GateDecision Evaluate(GatePolicy policy, GateContext context) =>
        new(context, [.. policy.Rules().Select(rule => rule.Evaluate(context))]);

    /// <summary>One line: <c>PASS: all 7 rules pass</c> or <c>FAIL: 2 of 7 rules fail (a, b)</c>.</summary>
    public string Headline => Passed
        ? $"PASS: {Verdicts.Count(v => v.Outcome == GateOutcome.Pass)} of {Verdicts.Length} rules pass" + (Verdicts.Any(v => v.Outcome == GateOutcome.Skip) ? $", {Verdicts.Count(v => v.Outcome == GateOutcome.Skip)} skipped" : "")
        : $"FAIL: {Failures} of {Verdicts.Length} rules fail ({string.Join(", ", Verdicts.Where(v => v.Outcome == GateOutcome.Fail).Select(v => v.Rule))})";
}
