using Harness.Metrics;
using Harness.Tools;

namespace Harness.History;

/// <summary>One number of metrics.json as a row of the store's <c>metrics</c> table.</summary>
/// <param name="Name">Its path in metrics.json with dots, e.g. <c>all.overall</c>, <c>r3.filter.final</c>, <c>latency.per_intent.p95</c>.</param>
/// <param name="Value">The value.</param>
/// <param name="Lower">The lower end of its 95% interval, when it has one.</param>
/// <param name="Upper">The upper end.</param>
public sealed record MetricRow(string Name, double Value, double? Lower = null, double? Upper = null);

/// <summary>
/// Every number of one <see cref="EvaluationMetrics"/> as named rows, so the store can be queried by
/// metric (<c>SELECT ... WHERE name = 'all.adjust.final'</c>) without parsing JSON. Each subset's
/// scores, per tool and overall, with intervals; ranking; parse counts; latency; throughput; cost;
/// the image-space difference and the server scenario's verdict and capacity, when the file has them.
/// </summary>
public static class MetricRows
{
    public static IEnumerable<MetricRow> Of(EvaluationMetrics m)
    {
        foreach (var s in m.Subsets)
        {
            yield return new($"{s.Name}.n", s.N);
            yield return new($"{s.Name}.overall", s.Overall, s.OverallCi95?.Lower, s.OverallCi95?.Upper);
            foreach (var t in s.Tools)
            {
                var p = $"{s.Name}.{t.Tool.WireName()}";
                yield return new($"{p}.tp", t.TruePositives);
                yield return new($"{p}.fp", t.FalsePositives);
                yield return new($"{p}.fn", t.FalseNegatives);
                yield return new($"{p}.tn", t.TrueNegatives);
                yield return new($"{p}.precision", t.Precision);
                yield return new($"{p}.recall", t.Recall);
                yield return new($"{p}.selection_f1", t.SelectionF1);
                yield return new($"{p}.quality", t.Quality);
                yield return new($"{p}.quality_n", t.QualityN);
                yield return new($"{p}.final", t.Final, t.FinalCi95?.Lower, t.FinalCi95?.Upper);
                if (t.IntensityMae is { } mae) yield return new($"{p}.intensity_mae", mae);
            }

            foreach (var r in s.Rankings.IsDefault ? [] : s.Rankings)
            {
                var p = $"{s.Name}.ranking.{r.Tool.WireName()}";
                if (r.AveragePrecision is { } ap) yield return new($"{p}.average_precision", ap, r.AveragePrecisionCi95?.Lower, r.AveragePrecisionCi95?.Upper);
                if (r.RocAuc is { } auc) yield return new($"{p}.roc_auc", auc, r.RocAucCi95?.Lower, r.RocAucCi95?.Upper);
            }
        }

        yield return new("parse.calls", m.Parse.Calls);
        yield return new("parse.failures", m.Parse.Failures);
        yield return new("parse.failure_rate", m.Parse.Rate);
        yield return new("parse.clamped", m.Parse.ClampedValues);
        yield return new("parse.unknown_keys", m.Parse.UnknownKeys);
        foreach (var (kind, count) in m.Parse.ByKind) yield return new($"parse.by_kind.{kind}", count);
        foreach (var (tool, count) in m.Parse.ByTool) yield return new($"parse.by_tool.{tool}", count);

        if (m.Latency is { } latency)
        {
            foreach (var (name, stats) in new[] { ("per_intent", latency.PerIntent), ("per_call", latency.PerCall) })
            {
                yield return new($"latency.{name}.count", stats.Count);
                yield return new($"latency.{name}.p50", stats.P50);
                yield return new($"latency.{name}.p90", stats.P90);
                yield return new($"latency.{name}.p95", stats.P95);
                yield return new($"latency.{name}.p99", stats.P99);
                yield return new($"latency.{name}.mean", stats.Mean);
                yield return new($"latency.{name}.max", stats.Max);
            }
        }

        if (m.Throughput is { } throughput)
        {
            yield return new("throughput.intents_per_second", throughput.IntentsPerSecond);
            yield return new("throughput.output_tokens_per_second", throughput.OutputTokensPerSecond);
        }

        if (m.Cost is { } cost) yield return new("cost.usd_per_1k_intents", cost.UsdPer1kIntents);

        if (m.Image is { } image)
        {
            yield return new("image.intents", image.Intents);
            yield return new("image.mean_delta_e", image.Mean, image.MeanCi95?.Lower, image.MeanCi95?.Upper);
            yield return new("image.median_delta_e", image.Median);
            yield return new("image.p90_delta_e", image.P90);
            yield return new("image.share_within_2_3", image.WithinJnd, image.WithinJndCi95?.Lower, image.WithinJndCi95?.Upper);
            yield return new("image.share_within_5", image.Within5, image.Within5Ci95?.Lower, image.Within5Ci95?.Upper);
            yield return new("image.teacher_edit_delta_e", image.TeacherEdit);
            if (image.Spearman is { } rho) yield return new("image.spearman_with_parameter_score", rho);
        }

        if (m.Server is { } server)
        {
            yield return new("server.target_qps", server.TargetQps);
            yield return new("server.offered_qps", server.OfferedQps);
            yield return new("server.achieved_qps", server.AchievedQps);
            yield return new("server.latency_bound_ms", server.LatencyBoundMs);
            yield return new("server.percentile", server.Percentile);
            yield return new("server.percentile_ms", server.PercentileMs, server.PercentileCi95Ms?.Lower, server.PercentileCi95Ms?.Upper);
            yield return new("server.p99_9_ms", server.P999Ms);
            yield return new("server.over_bound_share", server.OverBoundShare);
            yield return new("server.intents", server.Intents);
            yield return new("server.valid", server.Valid ? 1 : 0);
            yield return new("server.concurrency", server.Concurrency);
            if (server.Peak?.CapacityQps is { } capacity) yield return new("server.peak.capacity_qps", capacity);
            if (server.Peak?.UsdPer1kIntentsAtCapacity is { } usd) yield return new("server.peak.usd_per_1k_intents_at_capacity", usd);
        }
    }
}
