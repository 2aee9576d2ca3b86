namespace Harness.DataGen.Tests;

public class UsageAllocatorTests
{
    [Test]
    public void Marks_exactly_k_rows()
    {
        var propensity = Enumerable.Range(0, 500).Select(i => (i % 7) / 7.0).ToArray();

        var used = UsageAllocator.TopK(propensity, 123, new SplitMix64(1));

        Assert.That(used.Count(u => u), Is.EqualTo(123));
    }

    [Test]
    public void Without_noise_the_highest_propensities_win()
    {
        double[] propensity = [0.1, 0.9, 0.5, 0.8, 0.2];

        var used = UsageAllocator.TopK(propensity, 2, new SplitMix64(1), noise: 0);

        Assert.That(used, Is.EqualTo(new[] { false, true, false, true, false }));
    }

    [Test]
    public void A_count_beyond_the_rows_is_refused()
    {
        Assert.That(() => UsageAllocator.TopK([0.5, 0.5], 3, new SplitMix64(1)), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void The_threshold_lies_between_the_rows_marked_used_and_the_rest()
    {
        double[] propensity = [0.1, 0.9, 0.5, 0.8, 0.2];

        var (used, threshold) = UsageAllocator.Allocate(propensity, 2, new SplitMix64(1), noise: 0);

        Assert.That(used, Is.EqualTo(propensity.Select(p => p > threshold)));
        Assert.That(threshold, Is.EqualTo(0.65).Within(1e-12));
    }

    [Test]
    public void Using_no_row_or_every_row_gives_an_infinite_threshold()
    {
        double[] propensity = [0.1, 0.9];

        Assert.That(UsageAllocator.Allocate(propensity, 0, new SplitMix64(1)).Threshold, Is.EqualTo(double.PositiveInfinity));
        Assert.That(UsageAllocator.Allocate(propensity, 2, new SplitMix64(1)).Threshold, Is.EqualTo(double.NegativeInfinity));
    }
}
