using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Metrics;
using Harness.Parsing;
using Harness.Tools;

namespace Harness.Tests.Support;

/// <summary>Deterministic metrics for serialisation and report tests.</summary>
internal static class MetricsSamples
{
    public static DatasetRow[] Rows(int count = 40) =>
        [.. Enumerable.Range(0, count).Select(i => Support.Rows.Row(
            $"test-{i + 1:00000}",
            repeats: 1 + (i % 9),
            adjust: i % 5 == 0 ? null : Support.Rows.Adjust(i % 7 * 5, 10, -(i % 3) * 10),
            selective: i % 3 == 0 ? Support.Rows.Selective(20, i % 4 * 5) : null,
            filter: i % 2 == 0 ? Support.Rows.Filter(DatasetFixture.Filters[i % 3], 10 * (i % 10)) : null))];

    public static Dictionary<string, RowPrediction> Predictions(IEnumerable<DatasetRow> rows) =>
        rows.Select((r, i) => Support.Rows.Prediction(
            r.Id,
            adjust: i % 6 == 1 ? null : i % 4 == 0 ? Support.Rows.Adjust(10, -5) : r.TeacherFor(ToolName.Adjust),
            selective: i % 5 == 2 ? Support.Rows.Selective(5) : r.TeacherFor(ToolName.SelectiveAdjust),
            filter: i % 7 == 3 ? Support.Rows.Filter("mono_Classic", 35) : r.TeacherFor(ToolName.Filter)))
        .ToDictionary(p => p.Id);

    /// <summary>A full result; <paramref name="measured"/> adds latency, throughput and cost.</summary>
    public static EvaluationMetrics Metrics(bool measured)
    {
        var rows = Rows();
        var subsets = MetricsCalculator.Compute(rows, Predictions(rows), new BootstrapOptions(Seed: 11, Resamples: 200));
        var parse = new ParseSummary(
            120, 3,
            new Dictionary<string, int> { ["bad_value"] = 1, ["backend_error"] = 0, ["invalid_json"] = 2, ["wrong_shape"] = 0 }.ToImmutableSortedDictionary(StringComparer.Ordinal),
            new Dictionary<string, int> { ["adjust"] = 2, ["filter"] = 1, ["selective_adjust"] = 0 }.ToImmutableSortedDictionary(StringComparer.Ordinal),
            4, 1);
        var run = new RunIdentity(
            "20241002-120000", measured ? "onnx" : "score", "flan-t5-base", measured ? "ab12" : null,
            "test.jsonl", "0f0f", measured ? "single-stream" : "score", measured ? "cpu" : "none",
            new DateTimeOffset(2024, 10, 2, 12, 0, 0, TimeSpan.Zero), "0.1.0");
        return measured
            ? new EvaluationMetrics(run, subsets, parse,
                new LatencySummary(new LatencyStats(35, 120.5, 180.25, 200, 250.75, 130.125, 260), new LatencyStats(105, 40, 60, 70, 90, 43.5, 95)),
                new ThroughputSummary(7.5, 310.25),
                new CostSummary(0.0125, "hardware: 0.50 USD/h x wall time"))
            : new EvaluationMetrics(run, subsets, parse, null, null, null);
    }
}
