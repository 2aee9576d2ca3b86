using Harness.Metrics.Calibration;

namespace Harness.Core.Tests.Metrics.Calibration;

public class ThresholdChooserTests
{
    private static CalibrationCall Call(bool used, double p, bool greedyUsed) => new(used, greedyUsed, p);

    [Test]
    public void The_threshold_that_separates_used_from_unused_wins_and_sits_midway_between_them()
    {
        // Used calls have not-used probabilities 0.1..0.6, unused ones 0.7..0.9: any threshold in
        // (0.6, 0.7] is perfect, and the candidate there is the midpoint 0.65. Greedy (p < 0.5) missed two.
        CalibrationCall[] calls =
        [
            Call(true, 0.1, true), Call(true, 0.3, true), Call(true, 0.55, false), Call(true, 0.6, false),
            Call(false, 0.7, false), Call(false, 0.8, false), Call(false, 0.9, false),
        ];

        var chosen = ThresholdChooser.Choose(calls);

        Assert.That(chosen.Threshold, Is.EqualTo(0.65).Within(1e-12));
        Assert.That(chosen.F1After, Is.EqualTo(1.0));
        Assert.That(chosen.F1Before, Is.EqualTo(2 * 1.0 * 0.5 / 1.5).Within(1e-12));
    }

    [Test]
    public void Among_equally_good_thresholds_the_one_nearest_one_half_wins()
    {
        // Separated at any threshold in (0.2, 0.9]: 0.5 itself is a candidate and is chosen.
        CalibrationCall[] calls = [Call(true, 0.1, true), Call(true, 0.2, true), Call(false, 0.9, false)];

        Assert.That(ThresholdChooser.Choose(calls).Threshold, Is.EqualTo(0.5));
    }

    [Test]
    public void A_call_without_a_probability_stays_not_used_at_any_threshold()
    {
        CalibrationCall[] calls = [new(true, false, null), Call(true, 0.4, true), Call(false, 0.45, false)];

        var chosen = ThresholdChooser.Choose(calls);

        // Best: 0.4 used, 0.45 not (threshold 0.425); the failed call is a false negative either way.
        Assert.That(chosen.Threshold, Is.EqualTo(0.425).Within(1e-12));
        Assert.That(chosen.F1After, Is.EqualTo(2 * 1.0 * 0.5 / 1.5).Within(1e-12));
    }
}
