namespace Harness.Gate;

/// <summary>What a gate rule decided.</summary>
public enum GateOutcome
{
    /// <summary>The measured value meets the threshold.</summary>
    Pass,

    /// <summary>The measured value misses the threshold, or the rule could not be shown to hold.</summary>
    Fail,

    /// <summary>The rule does not apply to this candidate (e.g. a scenario it did not run); the reason says why.</summary>
    Skip,
}

/// <summary>One rule's verdict with what was measured against what threshold, and why.</summary>
/// <param name="Rule">The rule name, e.g. <c>min_tool_final.filter</c>.</param>
/// <param name="Outcome">Pass, fail or skip.</param>
/// <param name="Measured">The measured value as text (invariant culture), or <c>–</c>.</param>
/// <param name="Threshold">The threshold as text, e.g. <c>≥ 0.700</c>.</param>
/// <param name="Reason">One line a release manager can act on.</param>
public sealed record GateVerdict(string Rule, GateOutcome Outcome, string Measured, string Threshold, string Reason)
{
    /// <summary><c>PASS</c>, <c>FAIL</c> or <c>SKIP</c>.</summary>
    public string Label => Outcome.ToString().ToUpperInvariant();
}
