using System.Text.Json;
using Harness.Datasets;
using Harness.Json.Files;
using Harness.Metrics;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Reports;

/// <summary>
/// <c>summary.json</c>: the whole run in one small file — run id, dataset, environment and,
/// per backend and scenario, its model and declared model_id, overall with interval, per-tool finals per subset, p95
/// latencies, throughput, cost, parse-failure rate, any error and, for a server run with find_peak, its capacity at the bound and the cost there. Schema <c>harness.summary/v1</c>.
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
        var json = new SummaryFileJson
        {
            Schema = Schema,
            RunId = report.RunId,
            Dataset = new() { Name = report.Dataset.Name, Sha256 = report.Dataset.Sha256, Rows = report.Dataset.Rows.Length },
            Environment = report.Environment?.ToJson(),
            Results = [.. report.Results.Select(r => Result(r, report.Baselines))],
        };
        return JsonSerializer.Serialize(json, OwnedFiles.Indented.SummaryFileJson) + "\n";
    }

    private static SummaryFileJson.SummaryResultJson Result(BackendRunResult result, Baselines baselines)
    {
        var m = result.Metrics;
        var all = m.Subset(Subsets.AllRows);
        return new()
        {
            Label = result.Label,
            Backend = m.Run.Backend,
            Model = m.Run.Model,
            ModelId = m.Run.ModelId,
            Scenario = m.Run.Scenario,
            Baseline = baselines.IsFloor(result),
            Error = result.Error,
            Metrics = $"{result.Label}/{m.Run.Scenario}/{RunLayout.MetricsFile}",
            Overall = Round(all.Overall),
            OverallCi95 = Round(all.OverallCi95),
            Subsets = m.Subsets.ToDictionary(s => s.Name, s => new SummaryFileJson.SummarySubsetJson
            {
                N = s.N,
                Overall = Round(s.Overall),
                OverallCi95 = Round(s.OverallCi95),
                Finals = ToolSchema.All.ToDictionary(t => t.WireName(), t => Round(s[t].Final)),
            }),
            LatencyP95Ms = m.Latency is { } l ? new() { PerIntent = Round(l.PerIntent.P95), PerCall = Round(l.PerCall.P95) } : null,
            Throughput = m.Throughput is { } t ? new() { IntentsPerS = Round(t.IntentsPerSecond), OutputTokensPerS = Round(t.OutputTokensPerSecond) } : null,
            Cost = m.Cost is { } c ? new() { UsdPer1kIntents = Round(c.UsdPer1kIntents), Basis = c.Basis } : null,
            ParseFailureRate = Round(m.Parse.Rate),
            Capacity = m.Server is { Peak: { } peak } server ? new()
            {
                LatencyBoundMs = Round(server.LatencyBoundMs),
                Percentile = Round(server.Percentile),
                Qps = peak.CapacityQps is { } qps ? Round(qps) : null,
                Bracketed = peak.Bracketed,
                UsdPer1kIntents = peak.UsdPer1kIntentsAtCapacity is { } u ? Round(u) : null,
            } : null,
        };
    }

    // summary.json is for reading at a glance: 6 decimals.
    private static JsonNumber Round(double value) => Math.Round(value, 6);

    private static JsonNumber[]? Round(Interval? ci) => ci is null ? null : [Round(ci.Lower), Round(ci.Upper)];
}
