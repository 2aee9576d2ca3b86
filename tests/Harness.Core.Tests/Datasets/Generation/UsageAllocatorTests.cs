using Harness.Datasets.Generation;

namespace Harness.Core.Tests.Datasets.Generation;

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
}
