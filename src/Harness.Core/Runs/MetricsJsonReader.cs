using System.Collections.Immutable;
using System.Globalization;
using Harness.Json.Files;
using Harness.Metrics;
using Harness.Metrics.Images;
using Harness.Metrics.Ranking;
using Harness.Tools;
using F = Harness.Json.Files.MetricsFileJson;

namespace Harness.Runs;

/// <summary>
/// Maps <see cref="EvaluationMetrics"/> to and from metrics.json's DTO. Reading checks what the
/// serializer cannot: a missing key throws with its name, every number must be finite, and the
/// scores must be what spec §4 allows: precision, recall, selection F1, final, overall and their
/// intervals in [0, 1], quality (a mean cosine) in [-1, 1]. A file that breaks this was not written
/// by this harness's metrics (or by an older one whose final could leave [0, 1]), and a gate must
/// not judge it; the message names the field.
/// </summary>
internal static class MetricsJsonReader
{
    public static F ToJson(EvaluationMetrics m) => new()
    {
        Schema = MetricsJson.Schema,
        Run = new()
        {
            Id = m.Run.Id, Backend = m.Run.Backend, Model = m.Run.Model, ModelSha256 = m.Run.ModelSha256, ModelId = m.Run.ModelId,
            Dataset = m.Run.Dataset, DatasetSha256 = m.Run.DatasetSha256, Scenario = m.Run.Scenario, Device = m.Run.Device,
            StartedAt = m.Run.StartedAt, HarnessVersion = m.Run.HarnessVersion,
        },
        Subsets = m.Subsets.ToDictionary(s => s.Name, s => new F.SubsetJson
        {
            N = s.N,
            Tools = new()
            {
                Adjust = Tool(new F.ToolJson(), s[ToolName.Adjust]),
                SelectiveAdjust = Tool(new F.ToolJson(), s[ToolName.SelectiveAdjust]),
                Filter = Tool(new F.FilterToolJson { IntensityMae = s[ToolName.Filter].IntensityMae is { } mae ? mae : null }, s[ToolName.Filter]),
            },
            Overall = s.Overall,
            OverallCi95 = Pair(s.OverallCi95),
            Ranking = s.Rankings.IsDefaultOrEmpty ? null : s.Rankings.ToDictionary(r => r.Tool.WireName(), Ranking),
        }),
        Parse = new()
        {
            Failures = m.Parse.Failures, Rate = m.Parse.Rate,
            ByKind = new(m.Parse.ByKind), ByTool = new(m.Parse.ByTool),
            Calls = m.Parse.Calls, Clamped = m.Parse.ClampedValues, UnknownKeys = m.Parse.UnknownKeys,
        },
        LatencyMs = m.Latency is { } l ? new() { PerIntent = Latency(l.PerIntent), PerCall = Latency(l.PerCall) } : null,
        Throughput = m.Throughput is { } t ? new() { IntentsPerS = t.IntentsPerSecond, OutputTokensPerS = t.OutputTokensPerSecond } : null,
        Cost = m.Cost is { } c ? new() { UsdPer1kIntents = c.UsdPer1kIntents, Basis = c.Basis } : null,
        Image = m.Image is { } i ? new()
        {
            Intents = i.Intents, Photos = i.Photos, SizePx = i.Size,
            MeanDeltaE = i.Mean, MeanDeltaECi95 = Pair(i.MeanCi95), MedianDeltaE = i.Median, P90DeltaE = i.P90,
            ShareWithinJnd = i.WithinJnd, ShareWithinJndCi95 = Pair(i.WithinJndCi95),
            ShareWithin5 = i.Within5, ShareWithin5Ci95 = Pair(i.Within5Ci95),
            TeacherEditDeltaE = i.TeacherEdit, SpearmanWithParameterScore = i.Spearman is { } r ? r : null,
        } : null,
        Server = m.Server is { } s ? new()
        {
            TargetQps = s.TargetQps, AchievedQps = s.AchievedQps, LatencyBoundMs = s.LatencyBoundMs, Percentile = s.Percentile,
            Valid = s.Valid, Reason = s.Reason, OfferedQps = s.OfferedQps, PercentileMs = s.PercentileMs, P999Ms = s.P999Ms,
            OverBoundShare = s.OverBoundShare, Intents = s.Intents, DurationS = s.DurationSeconds, IssueLagP99Ms = s.IssueLagP99Ms,
            Concurrency = s.Concurrency, PercentileCi95Ms = Pair(s.PercentileCi95Ms),
            Peak = s.Peak is { } p ? new()
            {
                CapacityQps = p.CapacityQps is { } capacity ? capacity : null,
                UsdPer1kIntentsAtCapacity = p.UsdPer1kIntentsAtCapacity is { } usd ? usd : null,
                Probes = [.. p.Probes.Select(x => new F.ProbeJson { TargetQps = x.TargetQps, AchievedQps = x.AchievedQps, PercentileMs = x.PercentileMs, Valid = x.Valid, PercentileCi95Ms = Pair(x.PercentileCi95Ms) })],
            } : null,
        } : null,
    };

    public static EvaluationMetrics FromJson(F json)
    {
        if (json.Schema != MetricsJson.Schema) throw new FormatException($"schema is '{json.Schema}', expected '{MetricsJson.Schema}'");
        return new EvaluationMetrics(
            ReadRun(Get(json.Run, "run")),
            [.. Get(json.Subsets, "subsets").Select(p => ReadSubset(p.Key, p.Value))],
            ReadParse(Get(json.Parse, "parse")),
            json.LatencyMs is { } l ? new LatencySummary(ReadLatency(Get(l.PerIntent, "per_intent"), "latency_ms.per_intent"), ReadLatency(Get(l.PerCall, "per_call"), "latency_ms.per_call")) : null,
            json.Throughput is { } t ? new ThroughputSummary(Number(t.IntentsPerS, "intents_per_s", "throughput"), Number(t.OutputTokensPerS, "output_tokens_per_s", "throughput")) : null,
            json.Cost is { } c ? new CostSummary(Number(c.UsdPer1kIntents, "usd_per_1k_intents", "cost"), Get(c.Basis, "basis")) : null,
            json.Image is { } i ? ReadImage(i) : null,
            json.Server is { } s ? ReadServer(s) : null);
    }

    private static ImageDifference ReadImage(F.ImageJson i)
    {
        const string at = "image";
        double NonNegative(JsonNumber? n, string key) => InRange(Number(n, key, at), 0, double.MaxValue, $"{at}.{key}");
        return new ImageDifference(
            Get(i.Intents, "intents"), Get(i.Photos, "photos"), Get(i.SizePx, "size_px"),
            NonNegative(i.MeanDeltaE, "mean_delta_e"), ReadInterval(i.MeanDeltaECi95, $"{at}.mean_delta_e_ci95", 0, double.MaxValue),
            NonNegative(i.MedianDeltaE, "median_delta_e"), NonNegative(i.P90DeltaE, "p90_delta_e"),
            Score(i.ShareWithinJnd, "share_within_2_3", at), ReadInterval(i.ShareWithinJndCi95, $"{at}.share_within_2_3_ci95"),
            Score(i.ShareWithin5, "share_within_5", at), ReadInterval(i.ShareWithin5Ci95, $"{at}.share_within_5_ci95"),
            NonNegative(i.TeacherEditDeltaE, "teacher_edit_delta_e"),
            i.SpearmanWithParameterScore is null ? null : InRange(Number(i.SpearmanWithParameterScore, "spearman_with_parameter_score", at), -1, 1, $"{at}.spearman_with_parameter_score"));
    }

    private static ServerSummary ReadServer(F.ServerJson s)
    {
        const string at = "server";
        return new ServerSummary(
            Number(s.TargetQps, "target_qps", at), Number(s.OfferedQps, "offered_qps", at), Number(s.AchievedQps, "achieved_qps", at),
            Number(s.LatencyBoundMs, "latency_bound_ms", at), Number(s.Percentile, "percentile", at), Number(s.PercentileMs, "percentile_ms", at),
            Number(s.P999Ms, "p99_9_ms", at), InRange(Number(s.OverBoundShare, "over_bound_share", at), 0, 1, $"{at}.over_bound_share"),
            Get(s.Intents, "intents"), Number(s.DurationS, "duration_s", at), Number(s.IssueLagP99Ms, "issue_lag_p99_ms", at),
            Get(s.Valid, "valid"), Get(s.Reason, "reason"),
            s.Peak is { } p ? ReadPeak(p) : null,
            s.Concurrency is { } n ? (int)InRange(n, 1, int.MaxValue, $"{at}.concurrency") : 1,
            ReadInterval(s.PercentileCi95Ms, $"{at}.percentile_ci95_ms", 0, double.MaxValue));
    }

    private static PeakSummary ReadPeak(F.PeakJson p)
    {
        const string at = "server.peak";
        return new PeakSummary(
            p.CapacityQps is null ? null : Number(p.CapacityQps, "capacity_qps", at),
            p.UsdPer1kIntentsAtCapacity is null ? null : Number(p.UsdPer1kIntentsAtCapacity, "usd_per_1k_intents_at_capacity", at),
            [.. Get(p.Probes, "probes").Select((x, i) => new ServerProbe(
                Number(x.TargetQps, "target_qps", $"{at}.probes[{i}]"), Number(x.AchievedQps, "achieved_qps", $"{at}.probes[{i}]"),
                Number(x.PercentileMs, "percentile_ms", $"{at}.probes[{i}]"), Get(x.Valid, "valid"),
                ReadInterval(x.PercentileCi95Ms, $"{at}.probes[{i}].percentile_ci95_ms", 0, double.MaxValue)))]);
    }

    private static T Tool<T>(T json, ToolMetrics t) where T : F.ToolJson
    {
        json.Precision = t.Precision;
        json.Recall = t.Recall;
        json.SelectionF1 = t.SelectionF1;
        json.Quality = t.Quality;
        json.QualityN = t.QualityN;
        json.Final = t.Final;
        json.FinalCi95 = Pair(t.FinalCi95);
        json.Tp = t.TruePositives;
        json.Fp = t.FalsePositives;
        json.Fn = t.FalseNegatives;
        json.Tn = t.TrueNegatives;
        return json;
    }

    private static F.RankingJson Ranking(ToolRanking r) => new()
    {
        N = r.N, Positives = r.Positives, Scored = r.Scored,
        AveragePrecision = r.AveragePrecision is { } ap ? ap : null, AveragePrecisionCi95 = Pair(r.AveragePrecisionCi95),
        RocAuc = r.RocAuc is { } auc ? auc : null, RocAucCi95 = Pair(r.RocAucCi95),
        PrCurve = [.. r.Curve.Select(p => new F.PrPointJson { Threshold = p.Threshold, Precision = p.Precision, Recall = p.Recall })],
    };

    private static ImmutableArray<ToolRanking> ReadRankings(Dictionary<string, F.RankingJson>? rankings, string at)
    {
        if (rankings is null) return default;
        var read = new List<ToolRanking>();
        foreach (var (name, r) in rankings)
        {
            if (!ToolSchema.TryParse(name, out var tool)) throw new FormatException($"{at}.ranking: unknown tool '{name}'");
            var where = $"{at}.ranking.{name}";
            read.Add(new ToolRanking(tool, Get(r.N, "n"), Get(r.Positives, "positives"), Get(r.Scored, "scored"),
                r.AveragePrecision is null ? null : Score(r.AveragePrecision, "average_precision", where), ReadInterval(r.AveragePrecisionCi95, $"{where}.average_precision_ci95"),
                r.RocAuc is null ? null : Score(r.RocAuc, "roc_auc", where), ReadInterval(r.RocAucCi95, $"{where}.roc_auc_ci95"),
                [.. Get(r.PrCurve, "pr_curve").Select((p, i) => new PrPoint(
                    Score(p.Threshold, "threshold", $"{where}.pr_curve[{i}]"), Score(p.Precision, "precision", $"{where}.pr_curve[{i}]"), Score(p.Recall, "recall", $"{where}.pr_curve[{i}]")))]));
        }
        return [.. read.OrderBy(r => r.Tool)];
    }

    private static JsonNumber[]? Pair(Interval? interval) => interval is null ? null : [interval.Lower, interval.Upper];

    private static F.LatencyStatsJson Latency(LatencyStats s) =>
        new() { P50 = s.P50, P90 = s.P90, P95 = s.P95, P99 = s.P99, Mean = s.Mean, Max = s.Max, Count = s.Count };

    private static RunIdentity ReadRun(F.RunJson run) => new(
        Get(run.Id, "id"),
        Get(run.Backend, "backend"),
        Get(run.Model, "model"),
        run.ModelSha256,
        Get(run.Dataset, "dataset"),
        Get(run.DatasetSha256, "dataset_sha256"),
        Get(run.Scenario, "scenario"),
        Get(run.Device, "device"),
        Get(run.StartedAt, "started_at"),
        Get(run.HarnessVersion, "harness_version"),
        run.ModelId);

    private static SubsetMetrics ReadSubset(string name, F.SubsetJson subset)
    {
        var at = $"subsets.{name}";
        var tools = Get(subset.Tools, "tools");
        var byTool = new (ToolName Tool, F.ToolJson? Json)[] { (ToolName.Adjust, tools.Adjust), (ToolName.SelectiveAdjust, tools.SelectiveAdjust), (ToolName.Filter, tools.Filter) };
        var read = byTool.Select(x =>
        {
            var t = Get(x.Json, x.Tool.WireName());
            var where = $"{at}.tools.{x.Tool.WireName()}";
            return new ToolMetrics(
                x.Tool,
                Get(t.Tp, "tp"), Get(t.Fp, "fp"), Get(t.Fn, "fn"), Get(t.Tn, "tn"),
                Score(t.Precision, "precision", where),
                Score(t.Recall, "recall", where),
                Score(t.SelectionF1, "selection_f1", where),
                InRange(Number(t.Quality, "quality", where), -1, 1, $"{where}.quality"),
                Get(t.QualityN, "quality_n"),
                Score(t.Final, "final", where),
                ReadInterval(t.FinalCi95, $"{where}.final_ci95"),
                t is F.FilterToolJson { IntensityMae: { } mae } ? mae.Finite($"{where}.intensity_mae") : null);
        }).ToImmutableArray();
        return new SubsetMetrics(name, Get(subset.N, "n"), read, Score(subset.Overall, "overall", at), ReadInterval(subset.OverallCi95, $"{at}.overall_ci95"),
            ReadRankings(subset.Ranking, at));
    }

    private static ParseSummary ReadParse(F.ParseJson parse) => new(
        Get(parse.Calls, "calls"), Get(parse.Failures, "failures"),
        Get(parse.ByKind, "by_kind").ToImmutableSortedDictionary(StringComparer.Ordinal), Get(parse.ByTool, "by_tool").ToImmutableSortedDictionary(StringComparer.Ordinal),
        Get(parse.Clamped, "clamped"), Get(parse.UnknownKeys, "unknown_keys"));

    private static LatencyStats ReadLatency(F.LatencyStatsJson e, string where) => new(
        Get(e.Count, "count"), Number(e.P50, "p50", where), Number(e.P90, "p90", where), Number(e.P95, "p95", where),
        Number(e.P99, "p99", where), Number(e.Mean, "mean", where), Number(e.Max, "max", where));

    private static Interval? ReadInterval(JsonNumber[]? pair, string where, double min = 0, double max = 1)
    {
        if (pair is null) return null;
        if (pair.Length != 2) throw new FormatException($"{where}: an interval must be [lower, upper]");
        return new Interval(InRange(pair[0].Finite(where), min, max, where), InRange(pair[1].Finite(where), min, max, where));
    }

    /// <summary>A score of spec §4: a finite number in [0, 1].</summary>
    private static double Score(JsonNumber? value, string key, string where) => InRange(Number(value, key, where), 0, 1, $"{where}.{key}");

    private static double Number(JsonNumber? value, string key, string where) => Get(value, key).Finite($"{where}.{key}");

    private static double InRange(double value, double min, double max, string field) =>
        value >= min && value <= max
            ? value
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{field}: {value} is outside [{min}, {max}]"));

    private static T Get<T>(T? value, string key) where T : class => value ?? throw new FormatException($"missing key '{key}'");

    private static T Get<T>(T? value, string key) where T : struct => value ?? throw new FormatException($"missing key '{key}'");
}
