using System.Globalization;
using Harness.Backends;
using Harness.Datasets;
using Harness.Metrics;
using Harness.Runs;

namespace Harness.Running;

/// <summary>
/// Scores a predictions file given to <c>harness score</c>: the metrics of a run that made no
/// calls, so quality and parse rates only (no latency, throughput or cost).
/// </summary>
public static class PredictionsScoring
{
    /// <summary>The metrics of <paramref name="predictions"/> against <paramref name="dataset"/>; the run is named <c>score-&lt;UTC time&gt;</c>.</summary>
    public static EvaluationMetrics Score(Dataset dataset, PredictionsFile predictions, BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(predictions);
        var started = DateTimeOffset.UtcNow;
        var run = new RunIdentity(
            "score-" + started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture),
            PredictionsFileReader.Scenario,
            Path.GetFileName(predictions.Path),
            FileHash.Sha256(predictions.Path),
            dataset.Name,
            dataset.Sha256,
            PredictionsFileReader.Scenario,
            "none",
            started,
            HarnessVersion.Current);
        var subsets = MetricsCalculator.Compute(dataset.Rows, predictions.Predictions, options);
        var parse = ParseSummaryBuilder.From(predictions.Calls.Select(c => c.Parsed));
        return new EvaluationMetrics(run, subsets, parse, null, null, null);
    }
}
