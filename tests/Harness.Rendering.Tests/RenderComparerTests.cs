using System.Collections.Immutable;

namespace Harness.Rendering.Tests;

public class RenderComparerTests
{
    private static readonly LutLibrary Luts = new(TestImages.LutFolder);

    private static readonly IReadOnlyList<RgbaImage> Photos =
        [ImageFile.Fit(TestImages.Chelsea, 48), ImageFile.Fit(TestImages.Coffee, 48)];

    // Settings that use every tool, drawn from a seed: the shapes a teacher and a student write.
    private static RenderSettings Draw(Random random)
    {
        ImmutableArray<double>? Vector(int length, double range) =>
            random.Next(4) == 0 ? null : ImmutableArray.Create(Enumerable.Range(0, length).Select(_ => Math.Round((random.NextDouble() * 2 - 1) * range)).ToArray());
        var filter = random.Next(3) == 0 ? null : new FilterSetting(Luts.Names[random.Next(Luts.Names.Count)], random.Next(101));
        return new RenderSettings(Vector(14, 40), Vector(12, 40), filter);
    }

    private static double Direct(RenderSettings first, RenderSettings second)
    {
        var renderer = new Renderer(Luts);
        return Photos.Average(p => DeltaE2000.Mean(renderer.Render(p, first), renderer.Render(p, second)));
    }

    [Test]
    public void A_kept_reference_render_gives_the_same_value_as_rendering_both_settings_anew()
    {
        var random = new Random(7);
        var teacher = Draw(random);
        var comparer = new RenderComparer(Photos, Luts);
        for (var i = 0; i < 6; i++)
        {
            var student = Draw(random);
            Assert.That(comparer.MeanDeltaE(teacher, student), Is.EqualTo(Direct(teacher, student)), $"student {i}");
        }
    }

    [Test]
    public void The_difference_is_the_same_either_way_round_to_the_bit()
    {
        // The metric passes the teacher first (its renders are kept), also for the teacher
        // edit's size against the original photo: that is only right if order does not matter.
        var random = new Random(11);
        var comparer = new RenderComparer(Photos, Luts);
        for (var i = 0; i < 8; i++)
        {
            var (a, b) = (Draw(random), i % 2 == 0 ? RenderSettings.None : Draw(random));
            Assert.That(BitConverter.DoubleToInt64Bits(comparer.MeanDeltaE(a, b)),
                Is.EqualTo(BitConverter.DoubleToInt64Bits(new RenderComparer(Photos, Luts).MeanDeltaE(b, a))), $"pair {i}");
        }
    }

    [Test]
    public void Equal_settings_differ_by_exactly_zero_and_different_ones_by_more()
    {
        var random = new Random(3);
        var a = Draw(random);
        var comparer = new RenderComparer(Photos, Luts);
        Assert.That(comparer.MeanDeltaE(a, a with { }), Is.Zero);
        Assert.That(comparer.MeanDeltaE(a, RenderSettings.AdjustOnly(("exposure", 60))), Is.GreaterThan(0.5));
    }
}
