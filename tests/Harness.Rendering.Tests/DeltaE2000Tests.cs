using System.Globalization;

namespace Harness.Rendering.Tests;

public class DeltaE2000Tests
{
    /// <summary>
    /// Fixtures/ciede2000_test_data.txt: the 34 pairs of Sharma, Wu and Dalal (2005), "The
    /// CIEDE2000 Color-Difference Formula: Implementation Notes, Supplementary Test Data, and
    /// Mathematical Observations", Table 1, as scikit-image ships it
    /// (skimage/color/tests/ciede2000_test_data.txt, Debian python3-skimage 0.19.3).
    /// </summary>
    private static IEnumerable<TestCaseData> SharmaPairs()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ciede2000_test_data.txt");
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0) continue;
            var t = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            // pair, 1, L1 a1 b1, ap1 cp1 hp1 hbar1 G T SL SC SH RT, dE, 2, L2 a2 b2, ap2 cp2 hp2
            yield return new TestCaseData(t[2], t[3], t[4], t[17], t[18], t[19], t[15]).SetName($"Sharma pair {t[0]}");
        }
    }

    [Test]
    public void The_fixture_holds_all_34_pairs() => Assert.That(SharmaPairs().Count(), Is.EqualTo(34));

    [TestCaseSource(nameof(SharmaPairs))]
    public void Matches_Sharma_Wu_Dalal(double l1, double a1, double b1, double l2, double a2, double b2, double expected)
    {
        Assert.That(DeltaE2000.Difference(l1, a1, b1, l2, a2, b2), Is.EqualTo(expected).Within(1e-4));
        Assert.That(DeltaE2000.Difference(l2, a2, b2, l1, a1, b1), Is.EqualTo(expected).Within(1e-4), "symmetric");
    }

    [Test]
    public void White_and_black_are_L_100_and_0()
    {
        var white = DeltaE2000.Lab(255, 255, 255);
        var black = DeltaE2000.Lab(0, 0, 0);
        Assert.Multiple(() =>
        {
            Assert.That(white.L, Is.EqualTo(100).Within(1e-3));
            Assert.That(Math.Abs(white.A) + Math.Abs(white.B), Is.LessThan(1e-2));
            Assert.That(black.L, Is.EqualTo(0).Within(1e-9));
        });
    }

    [Test]
    public void Mean_is_zero_for_identical_images_and_positive_otherwise()
    {
        var image = TestImages.Chelsea;
        Assert.That(DeltaE2000.Mean(image, image.Clone()), Is.Zero);
        var darker = new Renderer(null).Render(image, RenderSettings.AdjustOnly(("exposure", -20)));
        Assert.That(DeltaE2000.Mean(image, darker), Is.GreaterThan(1));
    }
}
