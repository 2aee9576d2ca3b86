using System.Collections.Immutable;
using Harness.Metrics;

namespace Harness.Runs;

/// <summary>
/// What one backend produced in one scenario: its metrics and every call, which
/// reports need for worst examples and per-parameter errors.
/// </summary>
/// <param name="Label">The name the config gave this backend (unique within a run), e.g. <c>flan-t5-onnx</c>.</param>
/// <param name="Metrics">The scores, latency, throughput and cost (metrics.json).</param>
/// <param name="Calls">Every call, warm-up included.</param>
/// <param name="Error">Why the backend failed to run at all, or null. Metrics are empty scores when set.</param>
public sealed record BackendRunResult(
    string Label,
    EvaluationMetrics Metrics,
    ImmutableArray<CallRecord> Calls,
    string? Error = null);
