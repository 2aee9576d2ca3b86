using Harness.Formatting;
using Harness.Metrics;
using Harness.Runs;

namespace Harness.Gate.Rules;

/// <summary>
/// <c>min_capacity.qps</c>: the candidate's capacity from the server scenario's peak finding, at the
/// policy's <c>latency_bound_ms</c>, is at least the minimum (intents per second).
/// </summary>
public sealed class MinCapacityRule(double latencyBoundMs, double minQps) : IGateRule
{
    public string Name => "min_capacity.qps";

    public GateVerdict Evaluate(GateContext context)
    {
        var threshold = $">= {Fmt.Rate(minQps)}/s at {Fmt.Ms(latencyBoundMs)} ms";
        var (server, peak, problem) = ServerRules.Peak(context.Candidate, latencyBoundMs, "the candidate");
        if (problem is not null)
            return new GateVerdict(Name, GateOutcome.Skip, "–", threshold, problem);
        var capacity = peak!.CapacityQps ?? 0;
        var ok = capacity >= minQps;
        return new GateVerdict(Name, ok ? GateOutcome.Pass : GateOutcome.Fail, $"{Fmt.Rate(capacity)}/s", threshold,
            $"capacity at {ServerRules.Tail(server!)} is {(peak.Bracketed || peak.CapacityQps is null ? "" : "at least ")}{Fmt.Rate(capacity)} intents/s, {(ok ? "at or above" : "below")} the minimum of {Fmt.Rate(minQps)}");
    }
}

/// <summary>
/// <c>min_capacity.vs_baseline</c>: the candidate's capacity at the policy's bound is at least this
/// share of the baseline's (candidate against baseline, as rollouts compare).
/// </summary>
public sealed class CapacityVsBaselineRule(double latencyBoundMs, double minShare) : IGateRule
{
    public string Name => "min_capacity.vs_baseline";

    public GateVerdict Evaluate(GateContext context)
    {
        var threshold = $">= {Fmt.WholePercent(minShare)} of the baseline's";
        if (context.Baseline is null)
            return new GateVerdict(Name, GateOutcome.Skip, "–", threshold, "no baseline was given");
        var candidate = ServerRules.Peak(context.Candidate, latencyBoundMs, "the candidate");
        var baseline = ServerRules.Peak(context.Baseline, latencyBoundMs, "the baseline");
        if ((candidate.Problem ?? baseline.Problem) is { } problem)
            return new GateVerdict(Name, GateOutcome.Skip, "–", threshold, problem);
        var (mine, theirs) = (candidate.Peak!.CapacityQps ?? 0, baseline.Peak!.CapacityQps ?? 0);
        if (theirs <= 0)
            return new GateVerdict(Name, GateOutcome.Skip, "–", threshold, "the baseline has no VALID rate to compare with");
        var share = mine / theirs;
        var ok = share >= minShare;
        return new GateVerdict(Name, ok ? GateOutcome.Pass : GateOutcome.Fail, Fmt.WholePercent(share), threshold,
            $"capacity at {ServerRules.Tail(candidate.Server!)}: {Fmt.Rate(mine)} intents/s against the baseline's {Fmt.Rate(theirs)}");
    }
}

/// <summary>
/// <c>max_server_tail_ms</c>: in the candidate's server run at <c>qps</c> (the run itself, or the
/// peak finding's probe at that rate), the tail percentile latency is at most <c>ms</c>.
/// </summary>
public sealed class MaxServerTailRule(double qps, double maxMs) : IGateRule
{
    public string Name => "max_server_tail_ms";

    public GateVerdict Evaluate(GateContext context)
    {
        var threshold = $"<= {Fmt.Ms(maxMs)} ms at {Fmt.Rate(qps)}/s";
        var server = context.Candidate.Scenario(ScenarioNames.Server)?.Server;
        if (server is null)
            return new GateVerdict(Name, GateOutcome.Skip, "–", threshold, "the candidate has no server result");
        double? tail = ServerRules.Same(server.TargetQps, qps) ? server.PercentileMs
            : server.Peak?.Probes.FirstOrDefault(p => ServerRules.Same(p.TargetQps, qps))?.PercentileMs;
        if (tail is not { } ms)
            return new GateVerdict(Name, GateOutcome.Skip, "–", threshold, $"the candidate's server scenario ran no load of {Fmt.Rate(qps)} intents/s");
        var ok = ms <= maxMs;
        return new GateVerdict(Name, ok ? GateOutcome.Pass : GateOutcome.Fail, $"{Fmt.Ms(ms)} ms", threshold,
            $"p{Fmt.Num(server.Percentile, 3)} per intent at {Fmt.Rate(qps)} intents/s is {Fmt.Ms(ms)} ms, {(ok ? "within" : "over")} {Fmt.Ms(maxMs)} ms");
    }
}

internal static class ServerRules
{
    /// <summary>The subject's peak finding at <paramref name="boundMs"/>, or why there is none to judge.</summary>
    public static (ServerSummary? Server, PeakSummary? Peak, string? Problem) Peak(GateSubject subject, double boundMs, string who)
    {
        var server = subject.Scenario(ScenarioNames.Server)?.Server;
        if (server is null) return (null, null, $"{who} has no server result");
        if (server.Peak is null) return (server, null, $"{who}'s server scenario did not search its capacity (find_peak)");
        if (!Same(server.LatencyBoundMs, boundMs))
            return (server, null, $"{who}'s capacity was found at {Tail(server)}, not at {Fmt.Ms(boundMs)} ms");
        return (server, server.Peak, null);
    }

    public static string Tail(ServerSummary server) => $"p{Fmt.Num(server.Percentile, 3)} <= {Fmt.Ms(server.LatencyBoundMs)} ms";

    public static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b));
}
