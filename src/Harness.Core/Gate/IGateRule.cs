namespace Harness.Gate;

/// <summary>One promotion rule of a gate policy, e.g. a minimum score or a latency budget.</summary>
public interface IGateRule
{
    /// <summary>The rule's name as the policy spells it, e.g. <c>max_p95_latency_ms.single-stream</c>.</summary>
    string Name { get; }

    /// <summary>Measures the candidate (and baseline, when the rule compares) and decides.</summary>
    GateVerdict Evaluate(GateContext context);
}
