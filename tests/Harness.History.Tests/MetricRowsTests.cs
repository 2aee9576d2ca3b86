using Harness.Metrics;
using Harness.Metrics.Images;

namespace Harness.History.Tests;

/// <summary>The store's named rows reach the optional sections of metrics.json too, so a capacity or a ΔE can be followed across runs by name.</summary>
public sealed class MetricRowsTests
{
    [Test]
    public void A_server_run_with_peak_finding_and_the_image_metric_gives_their_numbers_by_name()
    {
        var served = ReportFixtures.ServerRun().Results.Single(r => r.Label == "flan-t5-onnx" && r.Metrics.Server is not null).Metrics;
        var metrics = served with
        {
            Image = new ImageDifference(40, 5, 64, 2.17, new Interval(2.08, 2.27), 1.74, 4.2, 0.664, new Interval(0.634, 0.694), 0.937, new Interval(0.922, 0.952), 5.45, -0.672),
        };

        var rows = MetricRows.Of(metrics).ToDictionary(r => r.Name);

        Assert.That(rows["server.peak.capacity_qps"], Is.EqualTo(new MetricRow("server.peak.capacity_qps", 25)));
        Assert.That(rows["server.peak.usd_per_1k_intents_at_capacity"].Value, Is.EqualTo(0.00111));
        Assert.That(rows["server.percentile_ms"], Is.EqualTo(new MetricRow("server.percentile_ms", 71, 60, 118)), "the tail with its interval");
        Assert.That(rows["server.valid"].Value, Is.EqualTo(1));
        Assert.That(rows["image.mean_delta_e"], Is.EqualTo(new MetricRow("image.mean_delta_e", 2.17, 2.08, 2.27)));
        Assert.That(rows["image.share_within_2_3"], Is.EqualTo(new MetricRow("image.share_within_2_3", 0.664, 0.634, 0.694)));
        Assert.That(rows["image.spearman_with_parameter_score"].Value, Is.EqualTo(-0.672));
        Assert.That(MetricRows.Of(served with { Server = null, Image = null }).Select(r => r.Name), Has.None.StartWith("server.").And.None.StartWith("image."),
            "absent sections give no rows");
    }
}
