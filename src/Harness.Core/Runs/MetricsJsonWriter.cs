using System.Text.Json;
using Harness.Metrics;
using Harness.Tools;

namespace Harness.Runs;

/// <summary>Writes the keys of metrics.json in the spec's order.</summary>
internal static class MetricsJsonWriter
{
    public static void Write(Utf8JsonWriter w, EvaluationMetrics m)
    {
        w.WriteStartObject();
        w.WriteString("schema", MetricsJson.Schema);
        WriteRun(w, m.Run);
        w.WriteStartObject("subsets");
        foreach (var subset in m.Subsets) WriteSubset(w, subset);
        w.WriteEndObject();
        WriteParse(w, m.Parse);
        if (m.Latency is { } latency)
        {
            w.WriteStartObject("latency_ms");
            WriteLatency(w, "per_intent", latency.PerIntent);
            WriteLatency(w, "per_call", latency.PerCall);
            w.WriteEndObject();
        }
        else w.WriteNull("latency_ms");
        if (m.Throughput is { } throughput)
        {
            w.WriteStartObject("throughput");
            w.WriteNumber("intents_per_s", throughput.IntentsPerSecond);
            w.WriteNumber("output_tokens_per_s", throughput.OutputTokensPerSecond);
            w.WriteEndObject();
        }
        else w.WriteNull("throughput");
        if (m.Cost is { } cost)
        {
            w.WriteStartObject("cost");
            w.WriteNumber("usd_per_1k_intents", cost.UsdPer1kIntents);
            w.WriteString("basis", cost.Basis);
            w.WriteEndObject();
        }
        else w.WriteNull("cost");
        w.WriteEndObject();
    }

    private static void WriteRun(Utf8JsonWriter w, RunIdentity run)
    {
        w.WriteStartObject("run");
        w.WriteString("id", run.Id);
        w.WriteString("backend", run.Backend);
        w.WriteString("model", run.Model);
        w.WriteString("model_sha256", run.ModelSha256);
        // Not in the spec's list: written only when the config declared it, so other files keep the spec's keys.
        if (run.ModelId is not null) w.WriteString("model_id", run.ModelId);
        w.WriteString("dataset", run.Dataset);
        w.WriteString("dataset_sha256", run.DatasetSha256);
        w.WriteString("scenario", run.Scenario);
        w.WriteString("device", run.Device);
        w.WriteString("started_at", run.StartedAt);
        w.WriteString("harness_version", run.HarnessVersion);
        w.WriteEndObject();
    }

    private static void WriteSubset(Utf8JsonWriter w, SubsetMetrics subset)
    {
        w.WriteStartObject(subset.Name);
        w.WriteNumber("n", subset.N);
        w.WriteStartObject("tools");
        foreach (var tool in subset.Tools)
        {
            w.WriteStartObject(tool.Tool.WireName());
            w.WriteNumber("precision", tool.Precision);
            w.WriteNumber("recall", tool.Recall);
            w.WriteNumber("selection_f1", tool.SelectionF1);
            w.WriteNumber("quality", tool.Quality);
            w.WriteNumber("quality_n", tool.QualityN);
            w.WriteNumber("final", tool.Final);
            WriteInterval(w, "final_ci95", tool.FinalCi95);
            if (tool.Tool == ToolName.Filter)
            {
                if (tool.IntensityMae is { } mae) w.WriteNumber("intensity_mae", mae);
                else w.WriteNull("intensity_mae");
            }
            w.WriteNumber("tp", tool.TruePositives);
            w.WriteNumber("fp", tool.FalsePositives);
            w.WriteNumber("fn", tool.FalseNegatives);
            w.WriteNumber("tn", tool.TrueNegatives);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteNumber("overall", subset.Overall);
        WriteInterval(w, "overall_ci95", subset.OverallCi95);
        w.WriteEndObject();
    }

    private static void WriteParse(Utf8JsonWriter w, ParseSummary parse)
    {
        w.WriteStartObject("parse");
        w.WriteNumber("failures", parse.Failures);
        w.WriteNumber("rate", parse.Rate);
        WriteCounts(w, "by_kind", parse.ByKind);
        WriteCounts(w, "by_tool", parse.ByTool);
        w.WriteNumber("calls", parse.Calls);
        w.WriteNumber("clamped", parse.ClampedValues);
        w.WriteNumber("unknown_keys", parse.UnknownKeys);
        w.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter w, string name, IEnumerable<KeyValuePair<string, int>> counts)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in counts) w.WriteNumber(key, value);
        w.WriteEndObject();
    }

    private static void WriteLatency(Utf8JsonWriter w, string name, LatencyStats stats)
    {
        w.WriteStartObject(name);
        w.WriteNumber("p50", stats.P50);
        w.WriteNumber("p90", stats.P90);
        w.WriteNumber("p95", stats.P95);
        w.WriteNumber("p99", stats.P99);
        w.WriteNumber("mean", stats.Mean);
        w.WriteNumber("max", stats.Max);
        w.WriteNumber("count", stats.Count);
        w.WriteEndObject();
    }

    private static void WriteInterval(Utf8JsonWriter w, string name, Interval? interval)
    {
        if (interval is null) { w.WriteNull(name); return; }
        w.WriteStartArray(name);
        w.WriteNumberValue(interval.Lower);
        w.WriteNumberValue(interval.Upper);
        w.WriteEndArray();
    }
}
