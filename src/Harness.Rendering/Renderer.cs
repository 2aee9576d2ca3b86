namespace Harness.Rendering;

/// <summary>
/// The reference colour pipeline: applies a <see cref="RenderSettings"/> to an 8-bit sRGB
/// image in the app's fixed order — adjust, then selective adjust (both in linear light, one
/// pass), then the filter's LUT on the 8-bit result blended by its intensity. No tool used, or
/// every value 0, returns the input's bytes unchanged. The same input gives the same bytes on
/// every machine: one thread, a fixed order of operations and no platform maths library.
/// </summary>
public sealed class Renderer
{
    private readonly LutLibrary? _luts;

    /// <param name="luts">Where filters find their LUTs; null when no filter will be rendered.</param>
    public Renderer(LutLibrary? luts) => _luts = luts;

    public RgbaImage Render(RgbaImage image, RenderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.IsIdentity) return image.Clone();
        var filter = settings.Filter is { Intensity: > 0 } f ? Lut(f.Name) : null;

        var result = RenderSettings.IsZero(settings.Adjust) && RenderSettings.IsZero(settings.Selective)
            ? image.Clone()
            : ApplyLinear(image, settings);
        if (filter is not null) ApplyFilter(result, filter, settings.Filter!.Intensity / 100);
        return result;
    }

    private CubeLut Lut(string name) =>
        _luts is null ? throw new RenderingException($"filter \"{name}\" needs a LUT folder, and none was given.") : _luts.Get(name);

    private static RgbaImage ApplyLinear(RgbaImage image, RenderSettings settings)
    {
        var adjust = RenderSettings.IsZero(settings.Adjust) ? null : new AdjustTool(settings.Adjust!.Value);
        var selective = RenderSettings.IsZero(settings.Selective) ? null : new SelectiveTool(settings.Selective!.Value);
        var n = image.PixelCount;
        var pixels = image.Pixels;
        var r = new double[n];
        var g = new double[n];
        var b = new double[n];
        var decode = Srgb.ToLinear;
        for (var i = 0; i < n; i++)
        {
            r[i] = decode[pixels[4 * i]];
            g[i] = decode[pixels[4 * i + 1]];
            b[i] = decode[pixels[4 * i + 2]];
            adjust?.ApplyPoint(ref r[i], ref g[i], ref b[i]);
        }
        if (adjust is { IsSpatial: true }) adjust.ApplySpatial(r, g, b, image.Width, image.Height);
        if (selective is not null)
        {
            for (var i = 0; i < n; i++) selective.ApplyPoint(ref r[i], ref g[i], ref b[i]);
        }
        var output = new byte[pixels.Length];
        for (var i = 0; i < n; i++)
        {
            output[4 * i] = Srgb.Encode(r[i]);
            output[4 * i + 1] = Srgb.Encode(g[i]);
            output[4 * i + 2] = Srgb.Encode(b[i]);
            output[4 * i + 3] = pixels[4 * i + 3];
        }
        return new RgbaImage(image.Width, image.Height, output);
    }

    /// <summary>The LUT on encoded values, mixed with the input by <paramref name="amount"/> (0..1), rounded to 8 bits.</summary>
    private static void ApplyFilter(RgbaImage image, CubeLut lut, double amount)
    {
        var pixels = image.Pixels;
        for (var i = 0; i < pixels.Length; i += 4)
        {
            var r = pixels[i] / 255.0;
            var g = pixels[i + 1] / 255.0;
            var b = pixels[i + 2] / 255.0;
            var (lr, lg, lb) = lut.Apply(r, g, b);
            pixels[i] = Quantise(r + (lr - r) * amount);
            pixels[i + 1] = Quantise(g + (lg - g) * amount);
            pixels[i + 2] = Quantise(b + (lb - b) * amount);
        }
    }

    private static byte Quantise(double v) => (byte)Math.Clamp((int)Math.Floor(v * 255 + 0.5), 0, 255);
}
