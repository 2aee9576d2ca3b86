using Harness.Formatting;

namespace Harness.Gate.Rules;

/// <summary>
/// <c>non_inferiority.&lt;metric&gt;</c>: the candidate is not worse than the baseline by more than
/// the margin — the lower bound of the paired-bootstrap 95% interval of candidate − baseline
/// stays above −margin. When the interval cannot be computed (rows differ) the rule fails:
/// non-inferiority that cannot be shown is not granted.
/// </summary>
public sealed class NonInferiorityRule(string metric, double margin) : IGateRule
{
    public string Name => $"non_inferiority.{metric}";

    public GateVerdict Evaluate(GateContext context)
    {
        var threshold = $"CI95 lower > -{Fmt.Score(margin)}";
        if (context.Baseline is null)
            return new GateVerdict(Name, GateOutcome.Fail, "–", threshold, "no baseline given; pass --baseline");
        if (context.Differences is null)
            return new GateVerdict(Name, GateOutcome.Fail, "–", threshold, $"no paired interval: {context.NoPairingReason ?? "not computed"}");

        var d = context.Differences.FirstOrDefault(x => x.Subset == context.Subset && x.Metric == metric);
        if (d is null)
            return new GateVerdict(Name, GateOutcome.Fail, "–", threshold, $"the paired comparison has no {metric} on subset {context.Subset}");

        if (d.Ci95 is not { } ci)
            return new GateVerdict(Name, GateOutcome.Fail, Fmt.Signed(d.Difference), threshold, $"subset {context.Subset} has no rows, so there is no interval");

        var ok = ci.Lower > -margin;
        var measured = $"{Fmt.Signed(d.Difference)} [{Fmt.Signed(ci.Lower)}, {Fmt.Signed(ci.Upper)}]";
        var reason = ok
            ? $"{metric}: candidate {Fmt.Score(d.B)} vs baseline {Fmt.Score(d.A)}; the interval's lower bound {Fmt.Signed(ci.Lower)} stays above -{Fmt.Score(margin)}"
            : $"{metric}: candidate {Fmt.Score(d.B)} vs baseline {Fmt.Score(d.A)}; the interval's lower bound {Fmt.Signed(ci.Lower)} is at or below -{Fmt.Score(margin)}, so the candidate may be worse by more than the margin";
        return new GateVerdict(Name, ok ? GateOutcome.Pass : GateOutcome.Fail, measured, threshold, reason);
    }
}
