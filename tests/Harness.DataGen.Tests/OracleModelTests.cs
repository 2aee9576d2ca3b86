namespace Harness.DataGen.Tests;

public class OracleModelTests
{
    [Test]
    public void The_best_threshold_separates_used_from_unused_rows_when_a_score_can()
    {
        double[] scores = [0.9, 0.8, 0.7, 0.3, 0.2];
        bool[] used = [true, true, true, false, false];

        Assert.That(OracleModel.BestThreshold(scores, used), Is.EqualTo(0.5).Within(1e-12));
    }

    [Test]
    public void Rows_with_the_same_score_fall_on_the_same_side_of_the_threshold()
    {
        // Predicting the three 0.6 rows used gains two hits for one false alarm: F1 6/7 against 4/5 without them.
        double[] scores = [0.9, 0.6, 0.6, 0.6, 0.1];
        bool[] used = [true, true, true, false, false];

        var threshold = OracleModel.BestThreshold(scores, used);

        Assert.That(threshold, Is.EqualTo(0.35).Within(1e-12));
    }

    [Test]
    public void With_no_used_row_the_threshold_predicts_nothing_used()
    {
        double[] scores = [0.9, 0.5];
        bool[] used = [false, false];

        Assert.That(OracleModel.BestThreshold(scores, used), Is.GreaterThan(0.9));
    }

    [Test]
    public void Thresholds_are_chosen_on_the_train_split_and_fall_inside_the_propensity_range()
    {
        var thresholds = OracleModel.Thresholds(GeneratedData.Default.Train);

        Assert.That(thresholds, Has.Length.EqualTo(3));
        Assert.That(thresholds, Has.All.InRange(0.0, 1.0));
    }
}
