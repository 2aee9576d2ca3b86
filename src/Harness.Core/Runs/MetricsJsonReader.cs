using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Harness.Json;
using Harness.Metrics;
using Harness.Tools;

namespace Harness.Runs;

/// <summary>
/// Reads metrics.json back into <see cref="EvaluationMetrics"/>; a missing key throws with its name.
/// Every number must be finite, and the scores must be what spec §4 allows: precision, recall,
/// selection F1, final, overall and their intervals in [0, 1], quality (a mean cosine) in [-1, 1].
/// A file that breaks this was not written by this harness's metrics (or by an older one whose
/// final could leave [0, 1]), and a gate must not judge it; the message names the field.
/// </summary>
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
            Optional(root, "latency_ms", l => new LatencySummary(ReadLatency(Get(l, "per_intent"), "latency_ms.per_intent"), ReadLatency(Get(l, "per_call"), "latency_ms.per_call"))),
            Optional(root, "throughput", t => new ThroughputSummary(Number(t, "intents_per_s", "throughput"), Number(t, "output_tokens_per_s", "throughput"))),
            Optional(root, "cost", c => new CostSummary(Number(c, "usd_per_1k_intents", "cost"), Get(c, "basis").GetString()!)));
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
        var at = $"subsets.{name}";
        var tools = ToolSchema.All.Select(tool =>
        {
            var t = Get(Get(subset, "tools"), tool.WireName());
            var where = $"{at}.tools.{tool.WireName()}";
            return new ToolMetrics(
                tool,
                Int(t, "tp"), Int(t, "fp"), Int(t, "fn"), Int(t, "tn"),
                Score(t, "precision", where),
                Score(t, "recall", where),
                Score(t, "selection_f1", where),
                InRange(Number(t, "quality", where), -1, 1, $"{where}.quality"),
                Int(t, "quality_n"),
                Score(t, "final", where),
                ReadInterval(Get(t, "final_ci95"), $"{where}.final_ci95"),
                tool == ToolName.Filter ? OptionalNumber(t, "intensity_mae", where) : null);
        }).ToImmutableArray();
        return new SubsetMetrics(name, Int(subset, "n"), tools, Score(subset, "overall", at), ReadInterval(Get(subset, "overall_ci95"), $"{at}.overall_ci95"));
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

    private static LatencyStats ReadLatency(JsonElement e, string where) => new(
        Int(e, "count"), Number(e, "p50", where), Number(e, "p90", where), Number(e, "p95", where),
        Number(e, "p99", where), Number(e, "mean", where), Number(e, "max", where));

    private static Interval? ReadInterval(JsonElement e, string where)
    {
        if (e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != 2) throw new FormatException($"{where}: an interval must be [lower, upper]");
        return new Interval(InRange(Finite(e[0], where), 0, 1, where), InRange(Finite(e[1], where), 0, 1, where));
    }

    /// <summary>A score of spec §4: a finite number in [0, 1].</summary>
    private static double Score(JsonElement parent, string key, string where) => InRange(Number(parent, key, where), 0, 1, $"{where}.{key}");

    private static double Number(JsonElement parent, string key, string where) => Finite(Get(parent, key), $"{where}.{key}");

    private static double? OptionalNumber(JsonElement parent, string key, string where) =>
        parent.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null ? Finite(v, $"{where}.{key}") : null;

    // A JSON number too large for a double (1e400) reads as infinity; NaN can only come as a string.
    private static double Finite(JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.Number) throw new FormatException($"{field}: expected a number, got {JsonText.Describe(value)}");
        var number = value.GetDouble();
        return double.IsFinite(number) ? number : throw new FormatException($"{field}: {JsonText.Shorten(value.GetRawText())} is not a finite number");
    }

    private static double InRange(double value, double min, double max, string field) =>
        value >= min && value <= max
            ? value
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{field}: {value} is outside [{min}, {max}]"));

    private static T? Optional<T>(JsonElement parent, string key, Func<JsonElement, T> read) where T : class =>
        parent.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null ? read(v) : null;

    private static JsonElement Get(JsonElement parent, string key) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(key, out var value) ? value : throw new FormatException($"missing key '{key}'");

    private static string Text(JsonElement parent, string key) => Get(parent, key).GetString() ?? throw new FormatException($"'{key}' must be a string");

    private static int Int(JsonElement parent, string key) => Get(parent, key).GetInt32();
}
