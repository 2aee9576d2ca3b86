namespace Harness.DataGen.Tests;

public class SplitMix64Tests
{
    [Test]
    public void Matches_the_reference_splitmix64_sequence()
    {
        // Reference outputs of Vigna's splitmix64.c for seed 1234567.
        var rng = new SplitMix64(1234567);

        Assert.That(rng.NextUInt64(), Is.EqualTo(6457827717110365317UL));
        Assert.That(rng.NextUInt64(), Is.EqualTo(3203168211198807973UL));
        Assert.That(rng.NextUInt64(), Is.EqualTo(9817491932198370423UL));
    }

    [Test]
    public void Named_streams_differ_and_repeat()
    {
        var a = SplitMix64.ForStream(5, "test:intents").NextUInt64();

        Assert.That(SplitMix64.ForStream(5, "test:intents").NextUInt64(), Is.EqualTo(a));
        Assert.That(SplitMix64.ForStream(5, "train:intents").NextUInt64(), Is.Not.EqualTo(a));
        Assert.That(SplitMix64.ForStream(6, "test:intents").NextUInt64(), Is.Not.EqualTo(a));
    }

    [Test]
    public void Doubles_are_in_the_unit_interval_and_gaussians_centred()
    {
        var rng = new SplitMix64(42);
        var doubles = Enumerable.Range(0, 10_000).Select(_ => rng.NextDouble()).ToList();
        var gaussians = Enumerable.Range(0, 10_000).Select(_ => rng.NextGaussian()).ToList();

        Assert.That(doubles, Has.All.InRange(0.0, 0.9999999999));
        Assert.That(doubles.Average(), Is.EqualTo(0.5).Within(0.02));
        Assert.That(gaussians.Average(), Is.EqualTo(0).Within(0.05));
        Assert.That(Math.Sqrt(gaussians.Average(g => g * g)), Is.EqualTo(1).Within(0.05));
    }
}
