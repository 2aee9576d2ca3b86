using Harness.Statistics;

namespace Harness.Core.Tests.Statistics;

public class QuantileIntervalTests
{
    private static readonly double[] OneToHundred = [.. Enumerable.Range(1, 100).Select(i => (double)i)];

    /// <summary>The textbook case: the median of 100 values at 95% runs from the 40th to the 61st value (Conover's table).</summary>
    [Test]
    public void The_median_of_100_values_runs_from_the_40th_to_the_61st()
    {
        var shuffled = OneToHundred.OrderBy(v => (v * 37) % 101).ToArray();

        var interval = QuantileInterval.Of(shuffled, 50)!;

        Assert.That((interval.Lower, interval.Upper), Is.EqualTo((40.0, 61.0)));
    }

    /// <summary>
    /// p99 at a server probe's sizes (ranks from the binomial, checked by hand): of 500 intents it runs
    /// from the 490th value to the largest, since more than 2.5% of such samples have every value below
    /// the true p99 (0.99^500 = 0.7%, with 499 below 3.4%), so only 1,000 or more intents bound it from above.
    /// </summary>
    [TestCase(500, 490, 500)]
    [TestCase(1000, 983, 997)]
    [TestCase(100, 97, 100)]
    public void The_p99_runs_between_the_ranks_the_binomial_gives(int n, int lower, int upper)
    {
        var values = Enumerable.Range(1, n).Select(i => (double)i).Reverse().ToArray();

        var interval = QuantileInterval.Of(values, 99)!;

        Assert.That((interval.Lower, interval.Upper), Is.EqualTo(((double)lower, (double)upper)));
    }

    /// <summary>
    /// Coverage, by simulation: over 2,000 seeded samples of 200 exponential latencies, the p90
    /// interval holds the true p90 (ln 10) about 95% of the time (a binomial interval's coverage is
    /// at least its level, here about 0.96; the bounds leave room for the simulation's own error).
    /// </summary>
    [Test]
    public void The_interval_holds_the_true_percentile_about_95_percent_of_the_time()
    {
        var random = new Random(7);
        var truth = Math.Log(10);
        var covered = 0;
        const int trials = 2000;
        for (var t = 0; t < trials; t++)
        {
            var sample = Enumerable.Range(0, 200).Select(_ => -Math.Log(1 - random.NextDouble())).ToArray();
            var interval = QuantileInterval.Of(sample, 90)!;
            if (interval.Lower <= truth && truth <= interval.Upper) covered++;
        }

        Assert.That(covered / (double)trials, Is.InRange(0.93, 0.985));
    }

    [Test]
    public void No_values_have_no_interval_and_a_percentile_outside_0_to_100_is_refused()
    {
        Assert.That(QuantileInterval.Of([], 99), Is.Null);
        Assert.Throws<ArgumentOutOfRangeException>(() => QuantileInterval.Of(OneToHundred, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuantileInterval.Of(OneToHundred, 0));
    }
}
