using Harness.Formatting;

namespace Harness.Gate.Rules;

/// <summary><c>max_p95_latency_ms.&lt;scenario&gt;</c>: the candidate's per-intent p95 latency in that scenario is at most the budget.</summary>
public sealed class MaxP95LatencyRule(string scenario, double maxMs) : IGateRule
{
    public string Name => $"max_p95_latency_ms.{scenario}";

    public GateVerdict Evaluate(GateContext context)
    {
        var threshold = $"<= {Fmt.Ms(maxMs)} ms";
        var result = context.Candidate.Scenario(scenario);
        if (result is null)
            return new GateVerdict(Name, GateOutcome.Skip, "–", threshold, $"the candidate has no {scenario} result");
        if (result.Latency is null)
            return new GateVerdict(Name, GateOutcome.Skip, "–", threshold, $"latency was not measured in {scenario} (scored predictions)");

        var p95 = result.Latency.PerIntent.P95;
        var ok = p95 <= maxMs;
        return new GateVerdict(Name, ok ? GateOutcome.Pass : GateOutcome.Fail, $"{Fmt.Ms(p95)} ms", threshold,
            $"p95 per intent in {scenario} is {Fmt.Ms(p95)} ms, {(ok ? "within" : "over")} the budget of {Fmt.Ms(maxMs)} ms");
    }
}

/// <summary><c>max_cost_per_1k_intents</c>: every scenario's cost per 1,000 intents is at most the budget (USD).</summary>
public sealed class MaxCostRule(double maxUsd) : IGateRule
{
    public string Name => "max_cost_per_1k_intents";

    public GateVerdict Evaluate(GateContext context)
    {
        var threshold = $"<= {Fmt.Usd(maxUsd)} USD";
        var costed = context.Candidate.Scenarios.Where(s => s.Cost is not null).ToList();
        if (costed.Count == 0)
            return new GateVerdict(Name, GateOutcome.Skip, "–", threshold, "cost was not measured (scored predictions)");

        var worst = costed.MaxBy(s => s.Cost!.UsdPer1kIntents)!;
        var cost = worst.Cost!.UsdPer1kIntents;
        var ok = cost <= maxUsd;
        return new GateVerdict(Name, ok ? GateOutcome.Pass : GateOutcome.Fail, $"{Fmt.Usd(cost)} USD", threshold,
            $"{Fmt.Usd(cost)} USD per 1,000 intents ({worst.Run.Scenario}; {worst.Cost.Basis}) is {(ok ? "within" : "over")} the budget");
    }
}

/// <summary><c>max_parse_failure_rate</c>: the share of calls whose output could not be applied is at most the threshold.</summary>
public sealed class MaxParseFailureRateRule(double maxRate) : IGateRule
{
    public string Name => "max_parse_failure_rate";

    public GateVerdict Evaluate(GateContext context)
    {
        var parse = context.Candidate.Primary.Parse;
        var ok = parse.Rate <= maxRate;
        var kinds = parse.Failures == 0 ? "" : " (" + string.Join(", ", parse.ByKind.Where(k => k.Value > 0).Select(k => $"{k.Key} {k.Value}")) + ")";
        return new GateVerdict(Name, ok ? GateOutcome.Pass : GateOutcome.Fail, Fmt.Percent(parse.Rate), $"<= {Fmt.Percent(maxRate)}",
            $"{parse.Failures} of {parse.Calls} calls failed to parse{kinds}");
    }
}
