using Harness.Metrics;

namespace Harness.Gate;

/// <summary>Everything gate rules measure.</summary>
/// <param name="Candidate">The result asking for promotion.</param>
/// <param name="Baseline">What it must not be worse than, when given.</param>
/// <param name="Subset">The subset score rules read (<c>all</c>, <c>r3</c>, <c>r5</c>).</param>
/// <param name="Differences">Paired-bootstrap differences candidate − baseline, when they could be computed.</param>
/// <param name="NoPairingReason">Why <paramref name="Differences"/> is null though a baseline was given (e.g. the rows differ).</param>
public sealed record GateContext(
    GateSubject Candidate,
    GateSubject? Baseline,
    string Subset,
    IReadOnlyList<MetricDifference>? Differences,
    string? NoPairingReason = null);
