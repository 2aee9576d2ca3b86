using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Harness.Reports.Json;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Reports;

/// <summary>
/// <c>summary.json</c>: the whole run in one small file — run id, dataset, environment and,
/// per backend and scenario, its model and declared model_id, overall with interval, per-tool finals per subset, p95
/// latencies, throughput, cost, parse-failure rate and any error. Schema <c>harness.summary/v1</c>.
/// </summary>
public sealed class SummaryJsonWriter : IReportWriter
{
    public const string Schema = "harness.summary/v1";

    public string Name => "summary";

    public async Task<IReadOnlyList<string>> WriteAsync(RunReport report, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, RunLayout.SummaryFile);
        await AtomicFile.WriteAllTextAsync(path, Serialize(report), cancellationToken);
        return [path];
    }

    /// <summary>The summary as indented JSON text with <c>\n</c> line ends.</summary>
    public static string Serialize(RunReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteString("run_id", report.RunId);
            json.WriteStartObject("dataset");
            json.WriteString("name", report.Dataset.Name);
            json.WriteString("sha256", report.Dataset.Sha256);
            json.WriteNumber("rows", report.Dataset.Rows.Length);
            json.WriteEndObject();
            RunEnvironment.WriteJson(json, report.Environment);
            json.WriteStartArray("results");
            foreach (var result in report.Results) Result(json, result, report.Baselines);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Result(Utf8JsonWriter json, BackendRunResult result, Baselines baselines)
    {
        var m = result.Metrics;
        json.WriteStartObject();
        json.WriteString("label", result.Label);
        json.WriteString("backend", m.Run.Backend);
        json.WriteString("model", m.Run.Model);
        json.WriteString("model_id", m.Run.ModelId);
        json.WriteString("scenario", m.Run.Scenario);
        json.WriteBoolean("baseline", baselines.IsFloor(result));
        json.WriteString("error", result.Error);
        json.WriteString("metrics", $"{result.Label}/{m.Run.Scenario}/{RunLayout.MetricsFile}");
        var all = m.Subset("all");
        json.Number("overall", all.Overall);
        json.Interval("overall_ci95", all.OverallCi95);
        json.WriteStartObject("subsets");
        foreach (var subset in m.Subsets)
        {
            json.WriteStartObject(subset.Name);
            json.WriteNumber("n", subset.N);
            json.Number("overall", subset.Overall);
            json.Interval("overall_ci95", subset.OverallCi95);
            json.WriteStartObject("finals");
            foreach (var tool in ToolSchema.All) json.Number(tool.WireName(), subset[tool].Final);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        if (m.Latency is { } latency)
        {
            json.WriteStartObject("latency_p95_ms");
            json.Number("per_intent", latency.PerIntent.P95);
            json.Number("per_call", latency.PerCall.P95);
            json.WriteEndObject();
        }
        else json.WriteNull("latency_p95_ms");

        if (m.Throughput is { } t)
        {
            json.WriteStartObject("throughput");
            json.Number("intents_per_s", t.IntentsPerSecond);
            json.Number("output_tokens_per_s", t.OutputTokensPerSecond);
            json.WriteEndObject();
        }
        else json.WriteNull("throughput");

        if (m.Cost is { } c)
        {
            json.WriteStartObject("cost");
            json.Number("usd_per_1k_intents", c.UsdPer1kIntents);
            json.WriteString("basis", c.Basis);
            json.WriteEndObject();
        }
        else json.WriteNull("cost");

        json.Number("parse_failure_rate", m.Parse.Rate);
        json.WriteEndObject();
    }
}
