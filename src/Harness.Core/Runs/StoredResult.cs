using System.Collections.Immutable;
using Harness.Metrics;
using Harness.Parsing;

namespace Harness.Runs;

/// <summary>One result read back from disk: its metrics.json and, when present, its predictions.jsonl.</summary>
/// <param name="Directory">The folder holding metrics.json.</param>
/// <param name="Label">The backend label (the folder name above the scenario folder, or the score folder's name).</param>
/// <param name="Metrics">The metrics.</param>
/// <param name="Calls">Every call record; empty when predictions.jsonl is absent.</param>
public sealed record StoredResult(string Directory, string Label, EvaluationMetrics Metrics, ImmutableArray<CallRecord> Calls)
{
    public string Scenario => Metrics.Run.Scenario;

    /// <summary>The parsed prediction per row id (the call standing for each row and tool).</summary>
    public ImmutableDictionary<string, RowPrediction> Predictions() => ResultCalls.Predictions(Calls);

    /// <summary>As a run result, for the report writers.</summary>
    public BackendRunResult ToRunResult(string? label = null) => new(label ?? Label, Metrics, Calls);
}
