using Harness.Metrics;
using Harness.Metrics.Images;
using Harness.Tools;

namespace Harness.Core.Tests.Metrics;

public class ImageDifferenceTests
{
    [Test]
    public void The_summary_is_the_mean_median_p90_and_the_shares_within_one_and_two_thresholds()
    {
        double[] deltaE = [0, 1, 2, 2.3, 3, 4, 5, 6, 8, 10];
        var summary = ImageDifference.Summarise(deltaE, [.. deltaE.Select(_ => 7.0)], [.. deltaE.Select(d => 1 - d / 10)], photos: 5, size: 64, BootstrapOptions.Default);

        Assert.That(summary.Intents, Is.EqualTo(10));
        Assert.That(summary.Mean, Is.EqualTo(41.3 / 10).Within(1e-12));
        Assert.That(summary.Median, Is.EqualTo(3.5).Within(1e-12));           // R7: halfway between the 5th and 6th values
        Assert.That(summary.P90, Is.EqualTo(8.2).Within(1e-12));              // R7: 8 + 0.1 x (10 - 8)
        Assert.That(summary.WithinJnd, Is.EqualTo(0.4));                      // 0, 1, 2 and 2.3 itself
        Assert.That(summary.Within5, Is.EqualTo(0.7));
        Assert.That(summary.TeacherEdit, Is.EqualTo(7));
        Assert.That(summary.MeanCi95!.Contains(summary.Mean), Is.True);
        Assert.That(summary.MeanCi95.Lower, Is.LessThan(summary.Mean));
        Assert.That(summary.Spearman, Is.EqualTo(-1).Within(1e-12), "the score falls as ΔE grows, rank for rank");
    }

    [Test]
    public void Spearman_is_absent_when_either_side_is_constant_and_the_bootstrap_is_seeded()
    {
        double[] zero = [0, 0, 0, 0];
        var teacher = ImageDifference.Summarise(zero, [1, 2, 3, 4], [1, 1, 1, 1], 1, 64, BootstrapOptions.Default);
        Assert.That(teacher.Spearman, Is.Null);
        Assert.That((teacher.Mean, teacher.WithinJnd, teacher.MeanCi95), Is.EqualTo((0.0, 1.0, new Interval(0, 0))));

        double[] d = [0.5, 3, 1, 9, 4, 2.2];
        double[] s = [0.9, 0.2, 0.8, 0.1, 0.5, 0.6];
        var first = ImageDifference.Summarise(d, d, s, 1, 64, new BootstrapOptions(7));
        var again = ImageDifference.Summarise(d, d, s, 1, 64, new BootstrapOptions(7));
        Assert.That(again, Is.EqualTo(first));
    }

    [Test]
    public void The_intent_score_counts_agreeing_unused_tools_as_one_and_a_tool_used_by_one_side_as_zero()
    {
        var filter = new FilterSetting("warm", 40);
        Assert.That(ImageDifference.IntentScore([(null, null), (filter, filter), (filter, null)]), Is.EqualTo(2.0 / 3).Within(1e-12));
        Assert.That(ImageDifference.IntentScore([(filter, new FilterSetting("cool", 40))]), Is.EqualTo(0));
    }
}
