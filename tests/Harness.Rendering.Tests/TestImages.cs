namespace Harness.Rendering.Tests;

/// <summary>The repository's sample photos and small synthetic images for the pipeline tests.</summary>
internal static class TestImages
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Photo(string name) => Path.Combine(RepositoryRoot, "datasets", "images", name);

    public static string LutFolder => Path.Combine(RepositoryRoot, "datasets", "tonal-color", "luts");

    public static RgbaImage Chelsea { get; } = ImageFile.Read(Photo("chelsea.png"));

    public static RgbaImage Coffee { get; } = ImageFile.Read(Photo("coffee.png"));

    /// <summary>A hue wheel: hue along x (0..360°), saturation along y (full at the top, none at the bottom), value 0.8.</summary>
    public static RgbaImage HueWheel { get; } = MakeHueWheel(72, 16);

    private static RgbaImage MakeHueWheel(int width, int height)
    {
        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            var h = x * 360.0 / width / 60;
            var s = 1 - y / (double)height;
            const double v = 0.8;
            var c = v * s;
            var xx = c * (1 - Math.Abs(h % 2 - 1));
            var (r, g, b) = ((int)h) switch
            {
                0 => (c, xx, 0.0), 1 => (xx, c, 0.0), 2 => (0.0, c, xx), 3 => (0.0, xx, c), 4 => (xx, 0.0, c), _ => (c, 0.0, xx),
            };
            var m = v - c;
            var i = (y * width + x) * 4;
            pixels[i] = (byte)Math.Round((r + m) * 255);
            pixels[i + 1] = (byte)Math.Round((g + m) * 255);
            pixels[i + 2] = (byte)Math.Round((b + m) * 255);
            pixels[i + 3] = 255;
        }
        return new RgbaImage(width, height, pixels);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harness.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Harness.sln not found above the test binaries.");
    }
}

/// <summary>Per-pixel CIELAB statistics the direction tests compare.</summary>
internal static class Stats
{
    public static double[] Lab(RgbaImage image) => DeltaE2000.Lab(image);

    public static double MeanL(RgbaImage image) => Mean(image, (l, a, b) => l);

    public static double MeanA(RgbaImage image) => Mean(image, (l, a, b) => a);

    public static double MeanB(RgbaImage image) => Mean(image, (l, a, b) => b);

    public static double MeanChroma(RgbaImage image) => Mean(image, (l, a, b) => Math.Sqrt(a * a + b * b));

    public static double StdL(RgbaImage image)
    {
        var mean = MeanL(image);
        return Math.Sqrt(Mean(image, (l, a, b) => (l - mean) * (l - mean)));
    }

    /// <summary>Mean L* over the pixels <paramref name="select"/> picks by their L* in <paramref name="reference"/>.</summary>
    public static double MeanLWhere(RgbaImage image, RgbaImage reference, Func<double, bool> select)
    {
        var lab = Lab(image);
        var refLab = Lab(reference);
        double sum = 0;
        var count = 0;
        for (var i = 0; i < image.PixelCount; i++)
        {
            if (!select(refLab[3 * i])) continue;
            sum += lab[3 * i];
            count++;
        }
        return sum / count;
    }

    /// <summary>Mean absolute difference between a pixel's L* and the mean L* of the square of side 2r+1 around it.</summary>
    public static double LocalContrast(RgbaImage image, int radius)
    {
        var lab = Lab(image);
        int w = image.Width, h = image.Height;
        double sum = 0;
        var count = 0;
        for (var y = radius; y < h - radius; y++)
        for (var x = radius; x < w - radius; x++)
        {
            double local = 0;
            for (var dy = -radius; dy <= radius; dy++)
            for (var dx = -radius; dx <= radius; dx++)
                local += lab[3 * ((y + dy) * w + x + dx)];
            local /= (2 * radius + 1) * (2 * radius + 1);
            sum += Math.Abs(lab[3 * (y * w + x)] - local);
            count++;
        }
        return sum / count;
    }

    private static double Mean(RgbaImage image, Func<double, double, double, double> f)
    {
        var lab = Lab(image);
        double sum = 0;
        for (var i = 0; i < image.PixelCount; i++) sum += f(lab[3 * i], lab[3 * i + 1], lab[3 * i + 2]);
        return sum / image.PixelCount;
    }
}
