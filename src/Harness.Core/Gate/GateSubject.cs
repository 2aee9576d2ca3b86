using System.Collections.Immutable;
using Harness.Metrics;

namespace Harness.Gate;

/// <summary>A result the gate judges (candidate or baseline): the metrics of each scenario it ran.</summary>
/// <param name="Path">The folder it was read from, for messages.</param>
/// <param name="Scenarios">metrics.json of each scenario, primary first.</param>
public sealed record GateSubject(string Path, ImmutableArray<EvaluationMetrics> Scenarios)
{
    /// <summary>
    /// The result the score rules read: <c>single-stream</c> when present, else the first
    /// scenario in name order (scores do not depend on the scenario; latency does).
    /// </summary>
    public EvaluationMetrics Primary => Scenarios[0];

    /// <summary>The metrics of one scenario, or null when the subject did not run it.</summary>
    public EvaluationMetrics? Scenario(string name) => Scenarios.FirstOrDefault(s => s.Run.Scenario == name);
}
