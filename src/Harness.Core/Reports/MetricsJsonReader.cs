using System.Collections.Immutable;
using System.Text.Json;
using Harness.Metrics;
using Harness.Tools;

namespace Harness.Reports;

/// <summary>Reads metrics.json back into <see cref="EvaluationMetrics"/>; a missing key throws with its name.</summary>
internal static class MetricsJsonReader
{
    public static EvaluationMetrics Read(JsonElement root)
    {
        var schema = Get(root, "schema").GetString();
        if (schema != MetricsJson.Schema) throw new FormatException($"schema is '{schema}', expected '{MetricsJson.Schema}'");
        var subsets = Get(root, "subsets").EnumerateObject().Select(p => ReadSubset(p.Name, p.Value)).ToImmutableArray();
        return new EvaluationMetrics(
            ReadRun(Get(root, "run")),
            subsets,
            ReadParse(Get(root, "parse")),
            Optional(root, "latency_ms", l => new LatencySummary(ReadLatency(Get(l, "per_intent")), ReadLatency(Get(l, "per_call")))),
            Optional(root, "throughput", t => new ThroughputSummary(Get(t, "intents_per_s").GetDouble(), Get(t, "output_tokens_per_s").GetDouble())),
            Optional(root, "cost", c => new CostSummary(Get(c, "usd_per_1k_intents").GetDouble(), Get(c, "basis").GetString()!)));
    }

    private static RunIdentity ReadRun(JsonElement run) => new(
        Text(run, "id"),
        Text(run, "backend"),
        Text(run, "model"),
        Get(run, "model_sha256").GetString(),
        Text(run, "dataset"),
        Text(run, "dataset_sha256"),
        Text(run, "scenario"),
        Text(run, "device"),
        Get(run, "started_at").GetDateTimeOffset(),
        Text(run, "harness_version"),
        run.TryGetProperty("model_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null);

    private static SubsetMetrics ReadSubset(string name, JsonElement subset)
    {
        var tools = ToolSchema.All.Select(tool =>
        {
            var t = Get(Get(subset, "tools"), tool.WireName());
            return new ToolMetrics(
                tool,
                Int(t, "tp"), Int(t, "fp"), Int(t, "fn"), Int(t, "tn"),
                Get(t, "precision").GetDouble(),
                Get(t, "recall").GetDouble(),
                Get(t, "selection_f1").GetDouble(),
                Get(t, "quality").GetDouble(),
                Int(t, "quality_n"),
                Get(t, "final").GetDouble(),
                ReadInterval(Get(t, "final_ci95")),
                tool == ToolName.Filter ? OptionalValue(t, "intensity_mae", v => v.GetDouble()) : null);
        }).ToImmutableArray();
        return new SubsetMetrics(name, Int(subset, "n"), tools, Get(subset, "overall").GetDouble(), ReadInterval(Get(subset, "overall_ci95")));
    }

    private static ParseSummary ReadParse(JsonElement parse)
    {
        static ImmutableSortedDictionary<string, int> Counts(JsonElement e) =>
            e.EnumerateObject().ToImmutableSortedDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
        return new ParseSummary(
            Int(parse, "calls"), Int(parse, "failures"),
            Counts(Get(parse, "by_kind")), Counts(Get(parse, "by_tool")),
            Int(parse, "clamped"), Int(parse, "unknown_keys"));
    }

    private static LatencyStats ReadLatency(JsonElement e) => new(
        Int(e, "count"), Get(e, "p50").GetDouble(), Get(e, "p90").GetDouble(), Get(e, "p95").GetDouble(),
        Get(e, "p99").GetDouble(), Get(e, "mean").GetDouble(), Get(e, "max").GetDouble());

    private static Interval? ReadInterval(JsonElement e) => e.ValueKind == JsonValueKind.Null
        ? null
        : e.GetArrayLength() == 2 ? new Interval(e[0].GetDouble(), e[1].GetDouble()) : throw new FormatException("an interval must be [lower, upper]");

    private static T? OptionalValue<T>(JsonElement parent, string key, Func<JsonElement, T> read) where T : struct =>
        parent.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null ? read(v) : null;

    private static T? Optional<T>(JsonElement parent, string key, Func<JsonElement, T> read) where T : class =>
        parent.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null ? read(v) : null;

    private static JsonElement Get(JsonElement parent, string key) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(key, out var value) ? value : throw new FormatException($"missing key '{key}'");

    private static string Text(JsonElement parent, string key) => Get(parent, key).GetString() ?? throw new FormatException($"'{key}' must be a string");

    private static int Int(JsonElement parent, string key) => Get(parent, key).GetInt32();
}
