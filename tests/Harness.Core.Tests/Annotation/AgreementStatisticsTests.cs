using Harness.Statistics;

namespace Harness.Core.Tests.Annotation;

public class AgreementStatisticsTests
{
    [Test]
    public void Wilson_interval_matches_Newcombes_published_values()
    {
        // Newcombe (1998), Statistics in Medicine 17:857-872, table I, method 3 (score, no continuity correction).
        var (low, high) = WilsonInterval.Of(81, 263);
        Assert.That(low, Is.EqualTo(0.2553).Within(5e-5));
        Assert.That(high, Is.EqualTo(0.3662).Within(5e-5));
        var (zeroLow, zeroHigh) = WilsonInterval.Of(0, 10);
        Assert.That(zeroLow, Is.Zero);
        Assert.That(zeroHigh, Is.EqualTo(0.2775).Within(5e-5));
        Assert.That(WilsonInterval.Of(0, 0), Is.EqualTo((0.0, 1.0)), "no answers: nothing is known");
    }

    [Test]
    public void Fleiss_kappa_matches_the_worked_example()
    {
        // Fleiss (1971)'s layout as in the standard worked example: 10 subjects, 14 raters, 5 categories; kappa 0.210.
        int[][] counts =
        [
            [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
        ];
        var (kappa, undefined) = FleissKappa.Of(counts);
        Assert.That(undefined, Is.Null);
        Assert.That(kappa, Is.EqualTo(0.210).Within(5e-4));
    }

    [Test]
    public void Fleiss_kappa_is_one_for_full_agreement_and_undefined_where_it_cannot_be_computed()
    {
        Assert.That(FleissKappa.Of([[2, 0], [0, 2], [2, 0]]).Kappa, Is.EqualTo(1.0).Within(1e-12));
        Assert.That(FleissKappa.Of([[1, 1], [1, 1]]).Kappa, Is.LessThan(0), "two raters who always disagree agree less than chance");
        Assert.That(FleissKappa.Of([]).Undefined, Does.Contain("no item"));
        Assert.That(FleissKappa.Of([[1, 0], [0, 1]]).Undefined, Does.Contain("one annotator"));
        Assert.That(FleissKappa.Of([[2, 0], [2, 0]]).Undefined, Does.Contain("chance agreement is 1"));
    }
}
