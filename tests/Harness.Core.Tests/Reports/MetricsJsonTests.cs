using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Harness.Metrics;
using Harness.Metrics.Ranking;
using Harness.Runs;
using Harness.Tests.Support;
using Harness.Tools;

namespace Harness.Core.Tests.Reports;

public class MetricsJsonTests
{
    [TestCase("")]
    [TestCase("de-DE")]
    public void Metrics_json_matches_the_approved_file_in_any_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            Approvals.Verify(MetricsJson.Serialize(MetricsSamples.Metrics(measured: true)) + "\n", "metrics.approved.json");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void Keys_follow_the_spec_shape_and_unmeasured_blocks_are_null()
    {
        using var doc = JsonDocument.Parse(MetricsJson.Serialize(MetricsSamples.Metrics(measured: false)));
        var root = doc.RootElement;
        Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "schema", "run", "subsets", "parse", "latency_ms", "throughput", "cost" }));
        Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo("harness.metrics/v1"));
        Assert.That(root.GetProperty("run").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "backend", "model", "model_sha256", "dataset", "dataset_sha256", "scenario", "device", "started_at", "harness_version" }));
        Assert.That(root.GetProperty("subsets").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "all", "r3", "r5" }));
        var all = root.GetProperty("subsets").GetProperty("all");
        Assert.That(all.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "n", "tools", "overall", "overall_ci95" }));
        var adjust = all.GetProperty("tools").GetProperty("adjust");
        Assert.That(adjust.EnumerateObject().Select(p => p.Name).Take(7), Is.EqualTo(new[] { "precision", "recall", "selection_f1", "quality", "quality_n", "final", "final_ci95" }));
        Assert.That(adjust.TryGetProperty("intensity_mae", out _), Is.False);
        Assert.That(all.GetProperty("tools").GetProperty("filter").GetProperty("intensity_mae").ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(adjust.GetProperty("final_ci95").GetArrayLength(), Is.EqualTo(2));
        Assert.That(root.GetProperty("parse").EnumerateObject().Select(p => p.Name).Take(4), Is.EqualTo(new[] { "failures", "rate", "by_kind", "by_tool" }));
        Assert.That(root.GetProperty("latency_ms").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(root.GetProperty("throughput").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(root.GetProperty("cost").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void A_written_file_reads_back_to_the_same_metrics(bool measured)
    {
        var metrics = MetricsSamples.Metrics(measured);
        var folder = Path.Combine(Path.GetTempPath(), $"metrics-{Guid.NewGuid():N}");
        try
        {
            var back = MetricsJson.Read(MetricsJson.Write(folder, metrics));
            Assert.That(back.Subsets, Is.EqualTo(metrics.Subsets));
            Assert.That(back with { Subsets = metrics.Subsets, Parse = metrics.Parse }, Is.EqualTo(metrics));
            Assert.That(MetricsJson.Serialize(back), Is.EqualTo(MetricsJson.Serialize(metrics)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void The_optional_ranking_section_is_written_per_subset_and_tool_and_reads_back()
    {
        var metrics = MetricsSamples.Metrics(measured: true);
        var ranking = RankingCalculator.Compute(ToolName.SelectiveAdjust, [0.9, 0.6, 0.2, 0.6], [true, false, true, true], 3, new BootstrapOptions(Resamples: 50), 0);
        metrics = metrics with { Subsets = [.. metrics.Subsets.Select(s => s with { Rankings = [ranking] })] };

        var text = MetricsJson.Serialize(metrics);
        using var doc = JsonDocument.Parse(text);
        var json = doc.RootElement.GetProperty("subsets").GetProperty("all").GetProperty("ranking");

        Assert.That(json.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "selective_adjust" }));
        Assert.That(json.GetProperty("selective_adjust").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
            { "n", "positives", "scored", "average_precision", "average_precision_ci95", "roc_auc", "roc_auc_ci95", "pr_curve" }));
        Assert.That(json.GetProperty("selective_adjust").GetProperty("pr_curve")[0].GetProperty("threshold").GetDouble(), Is.EqualTo(0.9));
        Assert.That(MetricsJson.Serialize(MetricsSamples.Metrics(measured: true)), Does.Not.Contain("\"ranking\""), "absent when no backend gave a probability");
        var path = Path.Combine(Path.GetTempPath(), $"metrics-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, text);
            Assert.That(MetricsJson.Read(path).Subsets, Is.EqualTo(metrics.Subsets).AsCollection);
            File.WriteAllText(path, text.Replace("\"roc_auc\":", "\"roc_auc\":-0.5,\"x\":"));
            Assert.That(Assert.Throws<InputException>(() => MetricsJson.Read(path))!.Message, Does.Contain("subsets.all.ranking.selective_adjust.roc_auc: -0.5 is outside [0, 1]"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_declared_model_id_is_written_after_the_model_hash_and_reads_back()
    {
        var metrics = MetricsSamples.Metrics(measured: true);
        metrics = metrics with { Run = metrics.Run with { ModelId = "flan-t5-student" } };

        var text = MetricsJson.Serialize(metrics);
        using var doc = JsonDocument.Parse(text);
        var keys = doc.RootElement.GetProperty("run").EnumerateObject().Select(p => p.Name).ToList();

        Assert.That(keys[keys.IndexOf("model_sha256") + 1], Is.EqualTo("model_id"));
        var path = Path.Combine(Path.GetTempPath(), $"metrics-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, text);
            Assert.That(MetricsJson.Read(path).Run.ModelId, Is.EqualTo("flan-t5-student"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void The_optional_server_section_is_written_after_cost_and_reads_back()
    {
        var metrics = MetricsSamples.Metrics(measured: true) with
        {
            Server = new ServerSummary(20, 19.6, 19.4, 100, 99, 87.5, 140.25, 0.004, 600, 30.9, 0.05, true, "p99 latency 87.5 ms is within the 100 ms bound"),
        };

        var text = MetricsJson.Serialize(metrics);
        using var doc = JsonDocument.Parse(text);
        var keys = doc.RootElement.EnumerateObject().Select(p => p.Name).ToList();

        Assert.That(keys[^1], Is.EqualTo("server"));
        Assert.That(doc.RootElement.GetProperty("server").EnumerateObject().Select(p => p.Name).Take(6), Is.EqualTo(new[]
            { "target_qps", "achieved_qps", "latency_bound_ms", "percentile", "valid", "reason" }));
        Assert.That(doc.RootElement.GetProperty("server").GetProperty("p99_9_ms").GetDouble(), Is.EqualTo(140.25));
        Assert.That(MetricsJson.Serialize(MetricsSamples.Metrics(measured: true)), Does.Not.Contain("\"server\""), "absent in the other scenarios");
        var path = Path.Combine(Path.GetTempPath(), $"metrics-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, text);
            Assert.That(MetricsJson.Read(path).Server, Is.EqualTo(metrics.Server));
            var peaked = metrics with
            {
                Server = metrics.Server! with
                {
                    PercentileCi95Ms = new Interval(70, 95),
                    Peak = new PeakSummary(40, 0.0025, [new ServerProbe(20, 19.9, 30, true), new ServerProbe(40, 39.8, 80, true, new Interval(70, 95)), new ServerProbe(80, 61, 900, false)]),
                },
            };
            File.WriteAllText(path, MetricsJson.Serialize(peaked));
            Assert.That(MetricsJson.Read(path).Server, Is.EqualTo(peaked.Server), "the tail's intervals read back; a probe without one (an older file) reads as null");
            Assert.That(Regex.Count(MetricsJson.Serialize(peaked), "\"percentile_ci95_ms\""), Is.EqualTo(2));
            File.WriteAllText(path, MetricsJson.Serialize(peaked).Replace("\"percentile_ci95_ms\": [", "\"percentile_ci95_ms\": [1, ", StringComparison.Ordinal));
            Assert.That(Assert.Throws<InputException>(() => MetricsJson.Read(path))!.Message, Does.Contain(path).And.Contain("percentile_ci95_ms: an interval must be [lower, upper]"),
                "a malformed interval names its field");
            Assert.That(MetricsJson.Serialize(peaked), Does.Contain("\"usd_per_1k_intents_at_capacity\": 0.0025"));
            File.WriteAllText(path, text.Replace("\"valid\": true,", ""));
            Assert.That(Assert.Throws<InputException>(() => MetricsJson.Read(path))!.Message, Does.Contain("missing key 'valid'"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Reading_a_file_of_another_shape_names_the_file_and_the_key()
    {
        var path = Path.Combine(Path.GetTempPath(), $"metrics-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, "{\"schema\":\"harness.metrics/v1\",\"run\":{}}");
            Assert.That(() => MetricsJson.Read(path), Throws.TypeOf<InputException>().With.Message.Contains(path).And.Message.Contains("missing key"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
