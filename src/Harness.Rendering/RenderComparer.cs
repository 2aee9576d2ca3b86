using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Harness.Rendering;

/// <summary>
/// The image-space comparison of two tool calls: each settings rendered on every sample photo
/// (downscaled once to a fixed long side) and the mean ΔE2000 between the two renders, averaged
/// over the photos. Identical settings give exactly 0 without rendering, and each pair of
/// settings is compared once (a cache keyed by the settings' text), so backends that answer
/// alike, and a second scenario with the same answers, cost nothing more. Safe to call from
/// several threads.
/// </summary>
public sealed class RenderComparer
{
    private readonly IReadOnlyList<RgbaImage> _photos;
    private readonly Renderer _renderer;
    private readonly ConcurrentDictionary<(string, string), double> _pairs = new();

    /// <param name="photos">The sample photos, already at the metric's size.</param>
    /// <param name="luts">Where filters find their LUTs.</param>
    public RenderComparer(IReadOnlyList<RgbaImage> photos, LutLibrary? luts)
    {
        ArgumentNullException.ThrowIfNull(photos);
        if (photos.Count == 0) throw new ArgumentException("At least one photo is needed.", nameof(photos));
        _photos = photos;
        _renderer = new Renderer(luts);
    }

    /// <summary>
    /// Reads every image of a folder (PNG, JPEG, WebP; sorted by name) and scales it to
    /// <paramref name="longSide"/> pixels; an error naming the folder when it holds none.
    /// </summary>
    public static IReadOnlyList<RgbaImage> LoadPhotos(string folder, int longSide) =>
        [.. PhotoFiles(folder).Select(f => ImageFile.Fit(ImageFile.Read(f), longSide))];

    /// <summary>The images of a folder (PNG, JPEG, WebP), sorted by name; an error naming the folder when it holds none.</summary>
    public static IReadOnlyList<string> PhotoFiles(string folder)
    {
        if (!Directory.Exists(folder)) throw new RenderingException($"{folder}: the image folder does not exist.");
        string[] extensions = [".png", ".jpg", ".jpeg", ".webp"];
        var files = Directory.EnumerateFiles(folder)
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0) throw new RenderingException($"{folder}: no images (.png, .jpg, .jpeg, .webp) in the folder.");
        return files;
    }

    /// <summary>The number of photos each comparison renders on.</summary>
    public int PhotoCount => _photos.Count;

    /// <summary>Mean ΔE2000 between the renders of <paramref name="first"/> and <paramref name="second"/>, averaged over the photos.</summary>
    public double MeanDeltaE(RenderSettings first, RenderSettings second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var a = Key(first);
        var b = Key(second);
        if (a == b) return 0;
        return _pairs.GetOrAdd((a, b), _ =>
        {
            double sum = 0;
            foreach (var photo in _photos)
                sum += DeltaE2000.Mean(_renderer.Render(photo, first), _renderer.Render(photo, second));
            return sum / _photos.Count;
        });
    }

    /// <summary>The text that identifies a settings: equal for settings that render alike value for value.</summary>
    internal static string Key(RenderSettings settings)
    {
        var text = new StringBuilder();
        Append(text, settings.Adjust);
        text.Append('|');
        Append(text, settings.Selective);
        text.Append('|');
        if (settings.Filter is { } f) text.Append(f.Name).Append(':').Append(f.Intensity.ToString("R", CultureInfo.InvariantCulture));
        return text.ToString();
    }

    private static void Append(StringBuilder text, System.Collections.Immutable.ImmutableArray<double>? values)
    {
        if (values is not { } v) return;
        foreach (var x in v) text.Append(x.ToString("R", CultureInfo.InvariantCulture)).Append(',');
    }
}
