using System.Collections.Immutable;
using System.Globalization;
using Harness.Datasets;
using Harness.Metrics;
using Harness.Parsing;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Testing;

/// <summary>
/// A deterministic, realistic run for report tests: 40 rows, a replayed teacher, a
/// student in two scenarios and the same student through a second engine (one model_id),
/// the retrieval floor and a backend that failed to start.
/// Seeded randomness and fixed timestamps, so writers must produce identical bytes.
/// </summary>
public static class ReportFixtures
{
    public static readonly DateTimeOffset Started = new(2026, 11, 21, 9, 30, 0, TimeSpan.Zero);
    private static readonly string[] Filters = ["faded_HighNoon", "vivid_Warm", "mono_Classic", "cinematic_Teal", "vintage_Fade"];
    private static readonly string[] Moods = ["golden", "moody", "crisp", "dreamy", "faded", "neon", "café au lait", "stormy"];
    private static readonly string[] Scenes = ["hour", "rain", "winter morning", "beach", "city night"];

    public static RunReport MultiBackendRun()
    {
        var dataset = Dataset();
        var onnx = Declared(Result(dataset, "flan-t5-onnx", "Onnx", "flan-t5-base-distilled", "single-stream", noise: 9, miss: 0.08, seed: 2, overall: 0.842, latencyMs: 96, cost: 0.0533));
        var env = new RunEnvironment("Debian GNU/Linux 12", "Intel Xeon Platinum 8480+", 16, null, "10.0.0", "0.1.0", "0123456789abcdef0123456789abcdef01234567");
        return new RunReport("2026-11-21-teacher-vs-students", dataset,
        [
            Result(dataset, "teacher-replay", "Replay", "gpt-3.5-turbo (replayed)", "single-stream", noise: 0, miss: 0, seed: 1, overall: 1.0, latencyMs: 0.05, cost: 0.02),
            onnx,
            Declared(Result(dataset, "flan-t5-onnx", "Onnx", "flan-t5-base-distilled", "offline", noise: 9, miss: 0.08, seed: 2, overall: 0.842, latencyMs: 31, cost: 0.0172)),
            SecondEngine(dataset, onnx),
            Result(dataset, "retrieval", "Retrieval", "tf-idf nearest neighbour", "single-stream", noise: 25, miss: 0.2, seed: 3, overall: 0.611, latencyMs: 0.4, cost: 0.0002),
            Failed(dataset, "llama-gguf", "LlamaCpp", "llama-2-7b-chat.Q4_K_M", "model file not found: models/llama-2-7b-chat.Q4_K_M.gguf; run tools/fetch-models.sh"),
        ], env);
    }

    /// <summary>
    /// The multi-backend run with the server scenario's peak finding for two backends: the ONNX
    /// student (capacity bracketed by an INVALID probe above it) and the retrieval floor (every
    /// probe VALID, so its capacity is only a lower bound, and no hardware price, so no cost).
    /// The other backends did not run the server scenario.
    /// </summary>
    public static RunReport ServerRun()
    {
        var run = MultiBackendRun();
        var dataset = run.Dataset;
        var onnx = Served(Declared(Result(dataset, "flan-t5-onnx", "Onnx", "flan-t5-base-distilled", "server", noise: 9, miss: 0.08, seed: 2, overall: 0.842, latencyMs: 41, cost: 0.0011)),
            new PeakSummary(25, 0.00111, [new ServerProbe(12.5, 12.4, 38, true, new Interval(31, 52)), new ServerProbe(25, 24.8, 71, true, new Interval(60, 118)), new ServerProbe(50, 31, 2400, false, new Interval(2150, 2610)), new ServerProbe(37.5, 30.2, 640, false, new Interval(560, 790))]));
        var retrieval = Served(Result(dataset, "retrieval", "Retrieval", "tf-idf nearest neighbour", "server", noise: 25, miss: 0.2, seed: 3, overall: 0.611, latencyMs: 0.6, cost: 0.0002),
            new PeakSummary(4000, null, [new ServerProbe(1000, 998, 1.2, true), new ServerProbe(2000, 1995, 2.1, true), new ServerProbe(4000, 3980, 4.4, true)]));
        return run with { Results = [.. run.Results, onnx, retrieval] };
    }

    // A server run at its capacity, with its peak finding (p99 ≤ 100 ms).
    private static BackendRunResult Served(BackendRunResult r, PeakSummary peak)
    {
        var at = peak.Probes.Where(p => p.Valid).MaxBy(p => p.TargetQps)!;
        var server = new ServerSummary(at.TargetQps, at.TargetQps * 1.01, at.AchievedQps, 100, 99, at.PercentileMs, at.PercentileMs * 1.4, 0.002, 500, 500 / at.AchievedQps, 0.04, true, $"p99 latency {at.PercentileMs.ToString(CultureInfo.InvariantCulture)} ms is within the 100 ms bound", peak, PercentileCi95Ms: at.PercentileCi95Ms);
        return r with { Metrics = r.Metrics with { Server = server } };
    }

    /// <summary>The same run as <c>harness compare</c> shows it: each result's paired difference from the teacher.</summary>
    public static RunReport ComparisonRun()
    {
        var run = MultiBackendRun();
        static MetricDifference D(string metric, double a, double b, double half) => new("all", metric, a, b, b - a, new Interval(b - a - half, Math.Min(0, b - a + half)));
        return run with
        {
            Comparisons =
            [
                new ResultComparison("teacher-replay", "flan-t5-onnx", [D("overall", 1, 0.842, 0.03), D("adjust.final", 1, 0.872, 0.04), D("selective_adjust.final", 1, 0.782, 0.06), D("filter.final", 1, 0.872, 0.04)], null),
                new ResultComparison("teacher-replay", "retrieval", [D("overall", 1, 0.611, 0.05), D("adjust.final", 1, 0.641, 0.06), D("selective_adjust.final", 1, 0.551, 0.08), D("filter.final", 1, 0.641, 0.06)], null),
                new ResultComparison("teacher-replay", "llama-gguf", null, "no predictions.jsonl in reports/run/llama-gguf/single-stream, so rows cannot be paired"),
            ],
        };
    }

    // The two FlanT5 engines declare the same model_id, so the report compares their outputs.
    private static BackendRunResult Declared(BackendRunResult r) => r with { Metrics = r.Metrics with { Run = r.Metrics.Run with { ModelId = "flan-t5-base-distilled" } } };

    /// <summary>
    /// The same student read from its checkpoint by another engine: the ONNX run's outputs, except
    /// every 10th call differs only in white space and every 25th in its settings.
    /// </summary>
    private static BackendRunResult SecondEngine(Dataset dataset, BackendRunResult onnx)
    {
        var calls = onnx.Calls.Select((c, i) =>
            i % 25 == 24 && c.Parsed.Setting is not null ? c with { Raw = "null", Parsed = new ParsedOutput(c.Tool, null) }
            : i % 10 == 9 && c.Raw is { } raw ? c with { Raw = " " + raw + "\n" }
            : c).Select(c => c with { LatencyMs = 80 }).ToImmutableArray();
        var metrics = Metrics(dataset, "HfT5", "flan-t5-base-distilled (safetensors)", "single-stream", 0.839, 240, 0.1333, calls);
        return Declared(new BackendRunResult("flan-t5-checkpoint", metrics, calls));
    }

    public static Dataset Dataset()
    {
        var random = new Random(7);
        var rows = ImmutableArray.CreateBuilder<DatasetRow>();
        for (var i = 0; i < 40; i++)
        {
            var intent = i == 13 ? "<b>bold</b> & \"quoted\" look" : $"{Moods[i % Moods.Length]} {Scenes[i / Moods.Length % Scenes.Length]}";
            var teacher = ImmutableDictionary.CreateBuilder<ToolName, ToolSetting>();
            if (i % 10 != 3) teacher[ToolName.Adjust] = Vector(ToolName.Adjust, random, 0.6);
            if (i % 3 == 0) teacher[ToolName.SelectiveAdjust] = Vector(ToolName.SelectiveAdjust, random, 0.4);
            if (i % 4 != 1) teacher[ToolName.Filter] = new FilterSetting(Filters[random.Next(Filters.Length)], 10 * random.Next(1, 10));
            rows.Add(new DatasetRow($"test-{i + 1:00000}", intent, 1 + (i * 7 % 9), teacher.ToImmutable(), null, i + 1));
        }

        return new Dataset("data/test.jsonl", "9f2c4e1ab3d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f", rows.ToImmutable(), [.. Filters]);
    }

    private static VectorSetting Vector(ToolName tool, Random random, double density) =>
        new(tool, [.. tool.VectorParameters().Select(_ => random.NextDouble() < density ? 5.0 * random.Next(-12, 13) : 0.0)]);

    private static BackendRunResult Result(Dataset dataset, string label, string backend, string model, string scenario,
        double noise, double miss, int seed, double overall, double latencyMs, double cost)
    {
        var random = new Random(seed);
        var calls = ImmutableArray.CreateBuilder<CallRecord>();
        foreach (var row in dataset.Rows)
        {
            foreach (var tool in ToolSchema.All)
            {
                var (raw, parsed) = Predict(row.TeacherFor(tool), tool, random, noise, miss);
                calls.Add(new CallRecord(row.Id, tool, scenario, raw, parsed, latencyMs / 3, 12, 40, null, row.Line <= 2));
            }
        }

        var metrics = Metrics(dataset, backend, model, scenario, overall, latencyMs, cost, calls);
        return new BackendRunResult(label, metrics, calls.ToImmutable());
    }

    private static (string? Raw, ParsedOutput Parsed) Predict(ToolSetting? teacher, ToolName tool, Random random, double noise, double miss)
    {
        var roll = random.NextDouble();
        if (roll < miss / 4 && miss > 0)
            return ("{\"exposure\": 10, \"contrast\":", new ParsedOutput(tool, null, ParseFailureKind.InvalidJson, "unexpected end of JSON"));
        if (roll < miss && teacher is not null) return ("none", new ParsedOutput(tool, null));
        if (teacher is null)
            return roll < miss * 1.5 ? Used(tool == ToolName.Filter ? new FilterSetting("vivid_Warm", 30) : new VectorSetting(tool, [.. tool.VectorParameters().Select((_, i) => i == 1 ? 15.0 : 0)])) : ("null", new ParsedOutput(tool, null));
        return teacher switch
        {
            VectorSetting v => Used(new VectorSetting(tool, [.. v.Values.Select(x => Math.Clamp(Math.Round(x + (random.NextDouble() - 0.5) * 2 * noise), -100, 100))])),
            FilterSetting f => Used(random.NextDouble() < miss * 2 ? new FilterSetting(Filters[(Array.IndexOf(Filters, f.Name) + 1) % Filters.Length], f.Intensity) : f with { Intensity = Math.Clamp(f.Intensity + Math.Round(noise / 2), 0, 100) }),
            _ => throw new InvalidOperationException(),
        };

        (string?, ParsedOutput) Used(ToolSetting s) => (Raw(s), new ParsedOutput(tool, s));
    }

    private static string Raw(ToolSetting s) => s switch
    {
        FilterSetting f => $"{{\"name\":\"{f.Name}\",\"intensity\":{f.Intensity.ToString(CultureInfo.InvariantCulture)}}}",
        VectorSetting v => "{" + string.Join(",", v.Tool.VectorParameters().Select((p, i) => $"\"{p}\":{v.Values[i].ToString(CultureInfo.InvariantCulture)}")) + "}",
        _ => "",
    };

    private static EvaluationMetrics Metrics(Dataset dataset, string backend, string model, string scenario, double overall, double latencyMs, double cost, IEnumerable<CallRecord> calls)
    {
        var failures = calls.Where(c => c.Parsed.Failure is not null).ToList();
        var n = dataset.Rows.Length;
        var spread = overall >= 1 ? 0 : 0.03;
        SubsetMetrics Subset(string name, int rows, double shift) => new(name, rows,
        [
            Tool(ToolName.Adjust, overall + spread + shift, 0.97), Tool(ToolName.SelectiveAdjust, overall - 2 * spread + shift, 0.9), Tool(ToolName.Filter, overall + spread + shift, 0.95),
        ], Math.Min(1, overall + shift), overall >= 1 ? new Interval(1, 1) : new Interval(Math.Max(0, overall + shift - 0.05), Math.Min(1, overall + shift + 0.04)));
        return new EvaluationMetrics(
            new RunIdentity("2026-11-21-teacher-vs-students", backend, model, backend == "Replay" ? null : "ab12cd34ef56", dataset.Name, dataset.Sha256, scenario, "cpu", Started, "0.1.0"),
            [Subset("all", n, 0), Subset("r3", n * 2 / 3, 0.01), Subset("r5", n / 3, 0.02)],
            new ParseSummary(n * 3, failures.Count,
                failures.GroupBy(f => "invalid_json").ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
                failures.GroupBy(f => f.Tool.WireName()).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), 2, 1),
            new LatencySummary(new LatencyStats(n - 2, latencyMs, latencyMs * 1.3, latencyMs * 1.5, latencyMs * 2.1, latencyMs * 1.1, latencyMs * 3), new LatencyStats((n - 2) * 3, latencyMs / 3, latencyMs / 2.5, latencyMs / 2.2, latencyMs / 1.6, latencyMs / 2.9, latencyMs)),
            new ThroughputSummary(1000 / latencyMs, 120000 / latencyMs),
            new CostSummary(cost, backend == "Replay" ? "api replay: 0 tokens billed; hardware 0.40 USD/h x wall time" : "hardware: 0.40 USD/h x wall time"));
    }

    private static ToolMetrics Tool(ToolName tool, double final, double selection)
    {
        final = Math.Clamp(final, 0, 1);
        var quality = final >= 1 ? 1 : Math.Clamp(final * selection / (2 * selection - final), 0, 1);
        var ci = final >= 1 ? new Interval(1, 1) : new Interval(Math.Max(0, final - 0.07), Math.Min(1, final + 0.05));
        return new ToolMetrics(tool, 30, 2, 1, 7, selection, selection, final >= 1 ? 1 : selection, quality, 30, final, ci, tool == ToolName.Filter ? 4.5 : null);
    }

    private static BackendRunResult Failed(Dataset dataset, string label, string backend, string model, string error) =>
        new(label, new EvaluationMetrics(
            new RunIdentity("2026-11-21-teacher-vs-students", backend, model, null, dataset.Name, dataset.Sha256, "single-stream", "cpu", Started, "0.1.0"),
            [.. new[] { "all", "r3", "r5" }.Select(s => new SubsetMetrics(s, 0, [.. ToolSchema.All.Select(t => new ToolMetrics(t, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null))], 0, null))],
            new ParseSummary(0, 0, ImmutableSortedDictionary<string, int>.Empty, ImmutableSortedDictionary<string, int>.Empty, 0, 0), null, null, null),
            [], error);
}
