using System.Collections.Immutable;
using Harness.Tools;

namespace Harness.Rendering.Tests;

public class PipelineTests
{
    private static readonly Renderer Renderer = new(new LutLibrary(TestImages.LutFolder));

    private static RgbaImage Adjust(RgbaImage image, string name, double value) =>
        Renderer.Render(image, RenderSettings.AdjustOnly((name, value)));

    [Test]
    public void Not_used_and_all_zero_settings_give_the_input_back_byte_for_byte()
    {
        var zeroAdjust = ImmutableArray.Create(new double[14]);
        var zeroSelective = ImmutableArray.Create(new double[12]);
        RenderSettings[] identities =
        [
            RenderSettings.None,
            new(zeroAdjust, null, null),
            new(null, zeroSelective, null),
            new(zeroAdjust, zeroSelective, new FilterSetting("mono_Classic", 0)),
        ];
        foreach (var photo in Directory.GetFiles(Path.Combine(TestImages.RepositoryRoot, "datasets", "images"), "*.png"))
        {
            var image = ImageFile.Read(photo);
            foreach (var settings in identities)
                Assert.That(Renderer.Render(image, settings).Pixels, Is.EqualTo(image.Pixels), $"{Path.GetFileName(photo)} with {settings}");
        }
    }

    [Test]
    public void Decoding_to_linear_light_and_encoding_back_is_the_identity_on_every_code()
    {
        for (var c = 0; c < 256; c++)
            Assert.That(Srgb.Encode(Srgb.ToLinear[c]), Is.EqualTo(c));
    }

    [Test]
    public void Rendering_twice_gives_identical_bytes()
    {
        var settings = RenderSettingsJson.Parse(
            """
            {"adjust":{"exposure":10,"contrast":20,"brightness":5,"highlights":-15,"shadows":20,"saturation":-10,"vibrance":15,
                       "temperature":25,"tint":-5,"hue":5,"bloom":30,"sharpen":20,"structure":25,"linearOffset":10},
             "selective_adjust":{"green":{"saturation":-30,"luminance":10},"orange":{"saturation":20,"luminance":-5}},
             "filter":{"name":"kodak_Portra400","intensity":60}}
            """, "settings");
        var first = Renderer.Render(TestImages.Chelsea, settings);
        var second = new Renderer(new LutLibrary(TestImages.LutFolder)).Render(TestImages.Chelsea.Clone(), settings);
        Assert.That(second.Pixels, Is.EqualTo(first.Pixels));
        Assert.That(first.Pixels, Is.Not.EqualTo(TestImages.Chelsea.Pixels));
    }

    [Test]
    public void Exposure_raises_and_lowers_mean_lightness()
    {
        var original = Stats.MeanL(TestImages.Chelsea);
        Assert.That(Stats.MeanL(Adjust(TestImages.Chelsea, "exposure", 30)), Is.GreaterThan(original + 3));
        Assert.That(Stats.MeanL(Adjust(TestImages.Chelsea, "exposure", -30)), Is.LessThan(original - 3));
    }

    [Test]
    public void Brightness_raises_mean_lightness_and_keeps_black_and_white()
    {
        Assert.That(Stats.MeanL(Adjust(TestImages.Chelsea, "brightness", 40)), Is.GreaterThan(Stats.MeanL(TestImages.Chelsea) + 3));
        var extremes = new RgbaImage(2, 1, [0, 0, 0, 255, 255, 255, 255, 255]);
        Assert.That(Adjust(extremes, "brightness", 60).Pixels, Is.EqualTo(extremes.Pixels));
    }

    [Test]
    public void Contrast_spreads_and_narrows_lightness()
    {
        var original = Stats.StdL(TestImages.Chelsea);
        Assert.That(Stats.StdL(Adjust(TestImages.Chelsea, "contrast", 50)), Is.GreaterThan(original * 1.05));
        Assert.That(Stats.StdL(Adjust(TestImages.Chelsea, "contrast", -50)), Is.LessThan(original * 0.9));
    }

    [Test]
    public void Highlights_move_bright_pixels_more_than_dark_ones()
    {
        var image = TestImages.Coffee;
        var rendered = Adjust(image, "highlights", 50);
        var brightGain = Stats.MeanLWhere(rendered, image, l => l > 70) - Stats.MeanLWhere(image, image, l => l > 70);
        var darkGain = Stats.MeanLWhere(rendered, image, l => l < 30) - Stats.MeanLWhere(image, image, l => l < 30);
        Assert.That(brightGain, Is.GreaterThan(2 * darkGain).And.GreaterThan(2));
        var lowered = Adjust(image, "highlights", -50);
        Assert.That(Stats.MeanLWhere(lowered, image, l => l > 70), Is.LessThan(Stats.MeanLWhere(image, image, l => l > 70) - 2));
    }

    [Test]
    public void Shadows_move_dark_pixels_more_than_bright_ones()
    {
        var image = TestImages.Coffee;
        var rendered = Adjust(image, "shadows", 50);
        var darkGain = Stats.MeanLWhere(rendered, image, l => l < 30) - Stats.MeanLWhere(image, image, l => l < 30);
        var brightGain = Stats.MeanLWhere(rendered, image, l => l > 70) - Stats.MeanLWhere(image, image, l => l > 70);
        Assert.That(darkGain, Is.GreaterThan(2 * brightGain).And.GreaterThan(2));
        Assert.That(Stats.MeanLWhere(Adjust(image, "shadows", -50), image, l => l < 30), Is.LessThan(Stats.MeanLWhere(image, image, l => l < 30) - 2));
    }

    [Test]
    public void Saturation_lowers_and_raises_mean_chroma_and_minus_100_is_grey()
    {
        var original = Stats.MeanChroma(TestImages.Coffee);
        Assert.That(Stats.MeanChroma(Adjust(TestImages.Coffee, "saturation", -50)), Is.LessThan(original * 0.7));
        Assert.That(Stats.MeanChroma(Adjust(TestImages.Coffee, "saturation", 50)), Is.GreaterThan(original * 1.2));
        Assert.That(Stats.MeanChroma(Adjust(TestImages.Coffee, "saturation", -100)), Is.LessThan(1));
    }

    [Test]
    public void Vibrance_raises_chroma_of_muted_colours_more_than_of_saturated_ones()
    {
        var wheel = TestImages.HueWheel;
        var rendered = Adjust(wheel, "vibrance", 60);
        var lab = Stats.Lab(wheel);
        var after = Stats.Lab(rendered);
        double Chroma(double[] l, int i) => Math.Sqrt(l[3 * i + 1] * l[3 * i + 1] + l[3 * i + 2] * l[3 * i + 2]);
        // Row 0 is fully saturated, row 12 of 16 is muted (25% saturation).
        double Gain(int row) => Enumerable.Range(row * wheel.Width, wheel.Width).Average(i => Chroma(after, i) / Math.Max(1e-9, Chroma(lab, i)));
        Assert.That(Gain(12), Is.GreaterThan(Gain(0) + 0.1));
        Assert.That(Stats.MeanChroma(rendered), Is.GreaterThan(Stats.MeanChroma(wheel)));
    }

    [Test]
    public void Temperature_raises_and_lowers_mean_b()
    {
        var original = Stats.MeanB(TestImages.Chelsea);
        Assert.That(Stats.MeanB(Adjust(TestImages.Chelsea, "temperature", 40)), Is.GreaterThan(original + 3));
        Assert.That(Stats.MeanB(Adjust(TestImages.Chelsea, "temperature", -40)), Is.LessThan(original - 3));
    }

    [Test]
    public void Tint_raises_and_lowers_mean_a()
    {
        var original = Stats.MeanA(TestImages.Chelsea);
        Assert.That(Stats.MeanA(Adjust(TestImages.Chelsea, "tint", 40)), Is.GreaterThan(original + 3));
        Assert.That(Stats.MeanA(Adjust(TestImages.Chelsea, "tint", -40)), Is.LessThan(original - 3));
    }

    [Test]
    public void Hue_turns_red_towards_yellow()
    {
        var red = new RgbaImage(1, 1, [200, 40, 40, 255]);
        var turned = Adjust(red, "hue", 50).Pixels;
        Assert.That(turned[1], Is.GreaterThan(60), "green rises");
        Assert.That(turned[2], Is.LessThanOrEqualTo(40), "blue does not");
        var back = Adjust(red, "hue", -50).Pixels;
        Assert.That(back[2], Is.GreaterThan(60), "a negative hue turns red towards magenta");
    }

    [Test]
    public void Bloom_adds_light_around_bright_areas()
    {
        // A bright square on a dark ground: the ground next to it brightens, far away barely.
        var pixels = new byte[64 * 64 * 4];
        for (var i = 0; i < 64 * 64; i++)
        {
            var (x, y) = (i % 64, i / 64);
            var bright = x is >= 24 and < 40 && y is >= 24 and < 40;
            pixels[4 * i] = pixels[4 * i + 1] = pixels[4 * i + 2] = bright ? (byte)250 : (byte)30;
            pixels[4 * i + 3] = 255;
        }
        var image = new RgbaImage(64, 64, pixels);
        var bloomed = Adjust(image, "bloom", 60);
        Assert.That(bloomed.Pixels[4 * (32 * 64 + 42)], Is.GreaterThan(35), "next to the square");
        Assert.That(bloomed.Pixels[4 * (2 * 64 + 2)], Is.LessThanOrEqualTo(31), "far corner");
        Assert.That(Stats.MeanL(Adjust(TestImages.Coffee, "bloom", 60)), Is.GreaterThan(Stats.MeanL(TestImages.Coffee)));
    }

    [Test]
    public void Sharpen_raises_fine_local_contrast_and_negative_softens()
    {
        var original = Stats.LocalContrast(TestImages.Chelsea, 1);
        Assert.That(Stats.LocalContrast(Adjust(TestImages.Chelsea, "sharpen", 50), 1), Is.GreaterThan(original * 1.2));
        Assert.That(Stats.LocalContrast(Adjust(TestImages.Chelsea, "sharpen", -50), 1), Is.LessThan(original * 0.9));
    }

    [Test]
    public void Structure_raises_coarse_local_contrast()
    {
        var original = Stats.LocalContrast(TestImages.Chelsea, 5);
        Assert.That(Stats.LocalContrast(Adjust(TestImages.Chelsea, "structure", 50), 5), Is.GreaterThan(original * 1.1));
        Assert.That(Stats.LocalContrast(Adjust(TestImages.Chelsea, "structure", -50), 5), Is.LessThan(original * 0.95));
    }

    [Test]
    public void Linear_offset_lifts_and_crushes_blacks()
    {
        var black = new RgbaImage(1, 1, [0, 0, 0, 255]);
        Assert.That(Adjust(black, "linearOffset", 50).Pixels[0], Is.GreaterThan(30));
        var dark = new RgbaImage(1, 1, [40, 40, 40, 255]);
        Assert.That(Adjust(dark, "linearOffset", -50).Pixels[0], Is.LessThan(40));
        Assert.That(Stats.MeanL(Adjust(TestImages.Chelsea, "linearOffset", 30)), Is.GreaterThan(Stats.MeanL(TestImages.Chelsea)));
    }

    [Test]
    public void Every_adjust_parameter_changes_the_picture_in_both_directions()
    {
        foreach (var name in ToolSchema.AdjustParameters)
        {
            foreach (var value in new[] { -40.0, 40.0 })
                Assert.That(DeltaE2000.Mean(TestImages.Chelsea, Adjust(TestImages.Chelsea, name, value)), Is.GreaterThan(0.1), $"{name} {value}");
        }
    }

    [Test]
    public void Green_saturation_lowers_chroma_in_green_hues_only()
    {
        var wheel = TestImages.HueWheel;
        var rendered = Renderer.Render(wheel, RenderSettings.SelectiveOnly(("green.saturation", -80)));
        var before = Stats.Lab(wheel);
        var after = Stats.Lab(rendered);
        for (var x = 0; x < wheel.Width; x++)
        {
            var hue = x * 360.0 / wheel.Width;
            var i = x;   // top row: full saturation
            var chromaBefore = Math.Sqrt(before[3 * i + 1] * before[3 * i + 1] + before[3 * i + 2] * before[3 * i + 2]);
            var chromaAfter = Math.Sqrt(after[3 * i + 1] * after[3 * i + 1] + after[3 * i + 2] * after[3 * i + 2]);
            if (hue is >= 90 and <= 150) Assert.That(chromaAfter, Is.LessThan(chromaBefore * 0.7), $"hue {hue}° is green");
            if (hue is <= 60 or >= 180)
            {
                for (var c = 0; c < 3; c++)
                    Assert.That(rendered.Pixels[4 * i + c], Is.EqualTo(wheel.Pixels[4 * i + c]), $"hue {hue}° is not green");
            }
        }
        Assert.That(Stats.MeanChroma(rendered), Is.LessThan(Stats.MeanChroma(wheel)));
    }

    [Test]
    public void Each_selective_colour_moves_its_own_hues()
    {
        var wheel = TestImages.HueWheel;
        for (var band = 0; band < 6; band++)
        {
            var colour = ToolSchema.SelectiveColors[band];
            var centre = SelectiveTool.Centres[band];
            var x = (int)Math.Round(centre / 360 * wheel.Width);
            var opposite = (x + wheel.Width / 2) % wheel.Width;
            var saturated = Renderer.Render(wheel, RenderSettings.SelectiveOnly(($"{colour}.saturation", -60)));
            var lighter = Renderer.Render(wheel, RenderSettings.SelectiveOnly(($"{colour}.luminance", 60)));
            var before = Stats.Lab(wheel);
            var chroma = Stats.Lab(saturated);
            var light = Stats.Lab(lighter);
            double C(double[] lab, int i) => Math.Sqrt(lab[3 * i + 1] * lab[3 * i + 1] + lab[3 * i + 2] * lab[3 * i + 2]);
            Assert.Multiple(() =>
            {
                Assert.That(C(chroma, x), Is.LessThan(C(before, x) * 0.8), $"{colour}.saturation at {centre}°");
                Assert.That(light[3 * x], Is.GreaterThan(before[3 * x] + 3), $"{colour}.luminance at {centre}°");
                Assert.That(saturated.Pixels.AsSpan(4 * opposite, 3).ToArray(), Is.EqualTo(wheel.Pixels.AsSpan(4 * opposite, 3).ToArray()), $"{colour} leaves the opposite hue alone");
            });
        }
    }

    [Test]
    public void A_filter_blends_its_lut_by_intensity()
    {
        var image = TestImages.Coffee;
        var full = Renderer.Render(image, new RenderSettings(null, null, new FilterSetting("mono_Classic", 100)));
        var half = Renderer.Render(image, new RenderSettings(null, null, new FilterSetting("mono_Classic", 50)));
        Assert.That(Stats.MeanChroma(full), Is.LessThan(1.5), "mono_Classic at 100 is black and white");
        var original = Stats.MeanChroma(image);
        Assert.That(Stats.MeanChroma(half), Is.GreaterThan(original * 0.3).And.LessThan(original * 0.7));
    }

    [Test]
    public void An_identity_lut_at_full_intensity_gives_the_input_back()
    {
        var folder = Path.Combine(Path.GetTempPath(), "harness-luts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            CubeFile.Write(Path.Combine(folder, "plain.cube"), CubeLut.Identity(17));
            var renderer = new Renderer(new LutLibrary(folder));
            var rendered = renderer.Render(TestImages.Chelsea, new RenderSettings(null, null, new FilterSetting("plain", 100)));
            Assert.That(rendered.Pixels, Is.EqualTo(TestImages.Chelsea.Pixels));
        }
        finally { Directory.Delete(folder, true); }
    }

    [Test]
    public void A_filter_with_no_lut_is_an_error_naming_it()
    {
        var error = Assert.Throws<RenderingException>(() =>
            Renderer.Render(TestImages.Chelsea, new RenderSettings(null, null, new FilterSetting("no_such_Look", 50))));
        Assert.That(error!.Message, Does.Contain("\"no_such_Look\"").And.Contain("no_such_Look.cube"));
    }
}
