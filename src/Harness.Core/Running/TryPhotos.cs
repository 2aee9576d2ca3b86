using System.Collections.Immutable;
using Harness.Rendering;
using Harness.Tools;

namespace Harness.Running;

/// <summary>
/// The photos <c>harness try</c> renders each backend's answer on, at their own resolution, and the
/// filters' LUTs. The photos are <c>--image</c>, else the config's <c>image_metric.images</c>, else
/// <c>datasets/images</c> beside the config; the LUTs are <c>image_metric.luts</c>, else <c>luts/</c>
/// beside the config's dataset. With no photos nothing is rendered; with no LUTs filters are not applied.
/// Both are said in <see cref="Note"/>.
/// </summary>
internal sealed class TryPhotos
{
    private readonly ImmutableArray<(string Name, RgbaImage Image)> _photos;
    private readonly Renderer _renderer;

    private TryPhotos(ImmutableArray<(string Name, RgbaImage Image)> photos, LutLibrary? luts, string? note)
    {
        _photos = photos;
        _renderer = new Renderer(luts);
        Looks = luts is null ? new HashSet<string>() : [.. luts.Names];
        Note = note;
    }

    /// <summary>The photos' file names, in render order.</summary>
    public ImmutableArray<string> Names => [.. _photos.Select(p => p.Name)];

    /// <summary>The filters that have a LUT, so can be rendered.</summary>
    public IReadOnlySet<string> Looks { get; }

    /// <summary>Why nothing (or no filter) will be rendered, or null.</summary>
    public string? Note { get; }

    /// <exception cref="InputException"><paramref name="image"/> or a configured folder cannot be read (the message names it).</exception>
    public static TryPhotos Open(EvalConfig config, string? image)
    {
        try
        {
            var notes = new List<string>();
            var folder = config.ImageMetric?.Images ?? Path.Combine(config.BaseDirectory, "datasets", "images");
            string[] files = image is not null ? [image]
                : config.ImageMetric is not null || Directory.Exists(folder) ? [.. RenderComparer.PhotoFiles(folder)]
                : [];
            if (files.Length == 0) notes.Add($"no photos to render on ({folder} does not exist): give --image IMG or image_metric: {{ images: DIR }} in the config");
            var lutFolder = config.ImageMetric?.Luts ?? Path.Combine(Path.GetDirectoryName(config.Dataset)!, "luts");
            LutLibrary? luts = null;
            if (config.ImageMetric is not null || Directory.Exists(lutFolder)) luts = new LutLibrary(lutFolder);
            else if (files.Length > 0) notes.Add($"no filter LUTs ({lutFolder} does not exist): filters are not rendered");
            var photos = files.Select(f => (Path.GetFileName(f), ImageFile.Read(f))).ToImmutableArray();
            return new TryPhotos(photos, luts, notes.Count == 0 ? null : string.Join("; ", notes));
        }
        catch (RenderingException ex)
        {
            throw new InputException(image is null ? $"{config.SourcePath}: {ex.Message}" : $"--image {ex.Message}", ex);
        }
    }

    /// <summary>The three tools' settings as the renderer applies them (a filter without a LUT is not applied).</summary>
    public RenderSettings Settings(IEnumerable<ToolSetting?> tools) => ImageMetricStage.Settings(tools, Looks);

    /// <summary>Renders <paramref name="settings"/> on every photo into <paramref name="folder"/> as <c>&lt;photo&gt;.png</c>; returns the files.</summary>
    /// <exception cref="RenderingException">A LUT is malformed.</exception>
    public ImmutableArray<string> Render(RenderSettings settings, string folder)
    {
        if (_photos.IsEmpty) return [];
        Directory.CreateDirectory(folder);
        var files = ImmutableArray.CreateBuilder<string>();
        foreach (var (name, photo) in _photos)
        {
            var path = Path.Combine(folder, Path.GetFileNameWithoutExtension(name) + ".png");
            ImageFile.WritePng(path, _renderer.Render(photo, settings));
            files.Add(path);
        }
        return files.ToImmutable();
    }
}
