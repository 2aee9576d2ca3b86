using Harness.Metrics;
using Harness.Statistics;

namespace Harness.Core.Tests.Statistics;

public class LatencyStatsCalculatorTests
{
    [Test]
    public void No_samples_give_count_zero_and_zero_statistics()
    {
        Assert.That(LatencyStatsCalculator.From([]), Is.EqualTo(new LatencyStats(0, 0, 0, 0, 0, 0, 0)));
    }

    [Test]
    public void One_sample_is_every_statistic()
    {
        Assert.That(LatencyStatsCalculator.From([12.5]), Is.EqualTo(new LatencyStats(1, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5)));
    }

    [Test]
    public void Percentiles_interpolate_linearly_between_order_statistics()
    {
        // 1..100 shuffled: R7 gives p50 = 50.5, p90 = 90.1, p95 = 95.05, p99 = 99.01.
        var samples = Enumerable.Range(1, 100).Select(i => (double)i).OrderBy(i => (i * 37) % 101).ToList();
        var stats = LatencyStatsCalculator.From(samples);
        Assert.That(stats.Count, Is.EqualTo(100));
        Assert.That(stats.P50, Is.EqualTo(50.5).Within(1e-9));
        Assert.That(stats.P90, Is.EqualTo(90.1).Within(1e-9));
        Assert.That(stats.P95, Is.EqualTo(95.05).Within(1e-9));
        Assert.That(stats.P99, Is.EqualTo(99.01).Within(1e-9));
        Assert.That(stats.Mean, Is.EqualTo(50.5).Within(1e-9));
        Assert.That(stats.Max, Is.EqualTo(100));
    }
}
