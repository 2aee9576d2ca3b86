using System.Collections.Immutable;
using System.Text;
using Harness.Datasets;
using Harness.Metrics;
using Harness.Parsing;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Testing;

/// <summary>
/// Writes a run folder the way the runner does (run.json naming the dataset, and
/// <c>&lt;label&gt;/&lt;scenario&gt;/metrics.json</c> + predictions.jsonl per backend), scored with the
/// real metrics code over the shipped test split, for gate and compare tests.
/// </summary>
public sealed class StoredRunBuilder : IDisposable
{
    /// <param name="runId">The run id in run.json and metrics.json.</param>
    /// <param name="startedAt">When the run started (run.json and metrics.json); default 2026-11-21 10:00 UTC.</param>
    /// <param name="parent">The folder to make the run folder in (then named <paramref name="runId"/>); default: a new temporary folder.</param>
    public StoredRunBuilder(string runId = "gate-test", DateTimeOffset? startedAt = null, string? parent = null)
    {
        RunId = runId;
        StartedAt = startedAt ?? new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
        RunDirectory = parent is null ? Path.Combine(Path.GetTempPath(), "harness-run-" + Guid.NewGuid().ToString("N")) : Path.Combine(parent, runId);
        Directory.CreateDirectory(RunDirectory);
        DatasetPath = TonalColor.TestSplit;
        Dataset = DatasetLoader.Load(DatasetPath);
        var started = startedAt is null ? "" : $",\"started_at\":\"{StartedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture)}\"";
        File.WriteAllText(Path.Combine(RunDirectory, RunLayout.RunFile),
            $"{{\"schema\":\"harness.run/v1\",\"id\":\"{runId}\"{started},\"dataset\":{{\"path\":{System.Text.Json.JsonSerializer.Serialize(DatasetPath)},\"sha256\":\"{Dataset.Sha256}\",\"rows\":{Dataset.Rows.Length}}}}}\n");
    }

    public string RunId { get; }

    public DateTimeOffset StartedAt { get; }

    public string RunDirectory { get; }

    public string DatasetPath { get; }

    public Dataset Dataset { get; }

    /// <summary>The teacher's own outputs: a perfect student.</summary>
    public static ToolSetting? Teacher(DatasetRow row, ToolName tool) => row.TeacherFor(tool);

    /// <summary>
    /// Writes one backend's result; <paramref name="predict"/> gives each row's setting per tool.
    /// Returns the backend folder <c>&lt;run&gt;/&lt;label&gt;</c>.
    /// </summary>
    public string Write(string label, Func<DatasetRow, ToolName, ToolSetting?> predict, string scenario = "single-stream", double latencyMs = 12, string? modelSha256 = null)
    {
        var calls = ImmutableArray.CreateBuilder<CallRecord>();
        foreach (var row in Dataset.Rows)
        {
            foreach (var tool in ToolSchema.All)
            {
                var setting = predict(row, tool);
                var raw = setting is null ? "null" : ToolSettingJson.ToJson(setting);
                calls.Add(new CallRecord(row.Id, tool, scenario, raw, new ParsedOutput(tool, setting), latencyMs / 3, 20, 60, null));
            }
        }

        var predictions = calls.GroupBy(c => c.IntentId).ToImmutableDictionary(
            g => g.Key, g => new RowPrediction(g.Key, g.ToImmutableDictionary(c => c.Tool, c => c.Parsed)));
        var latency = new LatencyStats(Dataset.Rows.Length, latencyMs, latencyMs * 1.2, latencyMs * 1.4, latencyMs * 2, latencyMs, latencyMs * 3);
        var metrics = new EvaluationMetrics(
            new RunIdentity(RunId, label, label + "-model", modelSha256, Dataset.Name, Dataset.Sha256, scenario, "cpu", StartedAt, "0.1.0"),
            MetricsCalculator.Compute(Dataset.Rows, predictions, new BootstrapOptions(Resamples: 200)),
            ParseSummaryBuilder.From(calls.Select(c => c.Parsed)),
            new LatencySummary(latency, latency with { Count = Dataset.Rows.Length * 3 }),
            new ThroughputSummary(1000 / latencyMs, 60000 / latencyMs),
            new CostSummary(latencyMs * 0.001, "hardware: 0.40 USD/h x wall time"));

        var folder = RunLayout.ResultDirectory(RunDirectory, label, scenario);
        MetricsJson.Write(folder, metrics);
        File.WriteAllText(Path.Combine(folder, RunLayout.PredictionsFile), string.Concat(calls.Select(c => CallRecordJson.Serialize(c) + "\n")), new UTF8Encoding(false));
        return Path.Combine(RunDirectory, label);
    }

    /// <summary>The teacher, except that every <paramref name="every"/>-th filter row gets another catalogue name.</summary>
    public Func<DatasetRow, ToolName, ToolSetting?> SwappedFilters(int every)
    {
        var filters = Dataset.Filters;
        var index = 0;
        return (row, tool) =>
        {
            var setting = row.TeacherFor(tool);
            if (setting is not FilterSetting f || index++ % every != 0) return setting;
            return f with { Name = filters[(filters.IndexOf(f.Name) + 1) % filters.Length] };
        };
    }

    /// <summary>Deletes the run folder (a temporary one, or the one made under the given parent).</summary>
    public void Dispose()
    {
        try { Directory.Delete(RunDirectory, true); }
        catch (IOException) { }
    }
}
