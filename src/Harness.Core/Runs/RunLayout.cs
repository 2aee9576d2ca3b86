namespace Harness.Runs;

/// <summary>
/// Where a run's files live. One run folder holds the whole comparison:
/// <code>
/// reports/&lt;run-id&gt;/
///   run.json, summary.json, index.html, report.md
///   &lt;label&gt;/&lt;scenario&gt;/metrics.json       spec §6
///   &lt;label&gt;/&lt;scenario&gt;/predictions.jsonl  one CallRecord per line, appended as calls finish
/// </code>
/// A folder written by <c>harness score</c> holds metrics.json, predictions.jsonl
/// and report.md directly.
/// </summary>
public static class RunLayout
{
    public const string RunFile = "run.json";
    public const string SummaryFile = "summary.json";
    public const string MetricsFile = "metrics.json";
    public const string PredictionsFile = "predictions.jsonl";

    /// <summary>The folder of one backend's results in one scenario.</summary>
    public static string ResultDirectory(string runDirectory, string label, string scenario) =>
        Path.Combine(runDirectory, label, scenario);
}
