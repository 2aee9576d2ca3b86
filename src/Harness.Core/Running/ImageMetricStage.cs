using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Harness.Datasets;
using Harness.Metrics;
using Harness.Metrics.Images;
using Harness.Rendering;
using Harness.Runs;
using Harness.Tools;
using RenderFilter = Harness.Rendering.FilterSetting;

namespace Harness.Running;

/// <summary>
/// The image-space metric of a run (<c>image_metric</c> in the config): for each intent, the
/// teacher's and the backend's tool calls rendered on the sample photos, and the mean ΔE2000
/// between the two renders (<see cref="RenderComparer"/>). A tool the backend did not use, or
/// whose output failed to parse, is not applied, nor is a filter whose name is not in the
/// catalogue (the app has no look for it). Per-intent values go to
/// <c>image-delta-e.jsonl</c> in the result folder; the summary into <c>metrics.json</c>.
/// One instance serves every backend of the run, so renders of equal settings are compared once.
/// </summary>
internal sealed class ImageMetricStage
{
    /// <summary>The per-intent file in a result folder.</summary>
    public const string PerIntentFile = "image-delta-e.jsonl";

    /// <summary>Long side of the gallery's thumbnails, in pixels.</summary>
    public const int ThumbnailSize = 128;

    /// <summary>Intents in a backend's gallery: the worst this many by ΔE, and a seeded sample of as many others.</summary>
    public const int GalleryEach = 4;

    private readonly RenderComparer _comparer;
    private readonly ImageMetricConfig _config;
    private readonly IReadOnlyList<RgbaImage> _thumbnails;
    private readonly Renderer _renderer;
    private readonly HashSet<string> _looks;
    private readonly ConcurrentDictionary<string, double> _teacherEdits = new(StringComparer.Ordinal);

    private ImageMetricStage(RenderComparer comparer, ImageMetricConfig config, IReadOnlyList<RgbaImage> thumbnails, LutLibrary luts)
    {
        _comparer = comparer;
        _config = config;
        _thumbnails = thumbnails;
        _renderer = new Renderer(luts);
        _looks = [.. luts.Names];
    }

    /// <summary>
    /// The stage of a config, or null when it asks for no image metric. Reads the photos and
    /// every catalogue filter's LUT before any call is made: a missing folder, an unreadable
    /// image, a malformed <c>.cube</c> file or a filter without a LUT is an input error.
    /// </summary>
    public static ImageMetricStage? Open(EvalConfig config, IEnumerable<string> catalogue)
    {
        if (config.ImageMetric is not { } settings) return null;
        try
        {
            var luts = new LutLibrary(settings.Luts);
            luts.CheckCovers(catalogue);
            return new ImageMetricStage(
                new RenderComparer(RenderComparer.LoadPhotos(settings.Images, settings.Size), luts), settings,
                RenderComparer.LoadPhotos(settings.Images, ThumbnailSize), luts);
        }
        catch (RenderingException ex)
        {
            throw new InputException($"{config.SourcePath}: image_metric: {ex.Message}", ex);
        }
    }

    /// <summary>The message of a rendering failure (alone or inside the parallel loop's aggregate), or null for any other exception.</summary>
    public static string? Problem(Exception exception) => exception switch
    {
        RenderingException r => r.Message,
        AggregateException a => a.Flatten().InnerExceptions.OfType<RenderingException>().FirstOrDefault()?.Message,
        _ => null,
    };

    /// <summary>Measures one backend's answers in one scenario, writes the per-intent file and returns the summary.</summary>
    public ImageDifference Measure(IReadOnlyList<DatasetRow> rows, IReadOnlyList<CallRecord> calls, string resultDirectory, int seed)
    {
        var answers = calls
            .GroupBy(c => c.IntentId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(c => c.Tool, c => c.Parsed.Setting), StringComparer.Ordinal);
        var deltaE = new double[rows.Count];
        var edits = new double[rows.Count];
        var scores = new double[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var row = rows[i];
            answers.TryGetValue(row.Id, out var answer);
            var pairs = ToolSchema.All.Select(t => (row.TeacherFor(t), answer?.GetValueOrDefault(t))).ToList();
            var teacher = Settings(pairs.Select(p => p.Item1), _looks);
            deltaE[i] = _comparer.MeanDeltaE(teacher, Settings(pairs.Select(p => p.Item2), _looks));
            edits[i] = _teacherEdits.GetOrAdd(row.Id, _ => _comparer.MeanDeltaE(teacher, RenderSettings.None));
            scores[i] = ImageDifference.IntentScore(pairs);
        });
        WritePerIntent(resultDirectory, rows, deltaE, edits, scores);
        WriteGallery(Path.Combine(resultDirectory, Gallery.Folder), rows, answers, deltaE, seed);
        return ImageDifference.Summarise(deltaE, edits, scores, _comparer.PhotoCount, _config.Size, new BootstrapOptions(seed));
    }

    /// <summary>
    /// The three tools' settings (adjust, selective adjust, filter; null = not applied) as the
    /// renderer takes them; a filter whose name has no look in <paramref name="looks"/> is not applied.
    /// </summary>
    internal static RenderSettings Settings(IEnumerable<ToolSetting?> tools, IReadOnlySet<string> looks)
    {
        ImmutableArray<double>? adjust = null, selective = null;
        RenderFilter? filter = null;
        foreach (var setting in tools)
        {
            switch (setting)
            {
                case VectorSetting { Tool: ToolName.Adjust } v: adjust = v.Values; break;
                case VectorSetting { Tool: ToolName.SelectiveAdjust } v: selective = v.Values; break;
                case Tools.FilterSetting f when looks.Contains(f.Name): filter = new RenderFilter(f.Name, f.Intensity); break;
            }
        }
        return new RenderSettings(adjust, selective, filter);
    }

    // The worst intents by ΔE and a seeded sample of the others, each as three thumbnails of one
    // photo (the intent's index picks which): the photo, the teacher's render, the backend's render.
    private void WriteGallery(string directory, IReadOnlyList<DatasetRow> rows, Dictionary<string, Dictionary<ToolName, ToolSetting?>> answers, double[] deltaE, int seed)
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        if (deltaE.All(d => d == 0)) return;   // every edit the teacher's own (teacher replay): nothing to look at
        Directory.CreateDirectory(directory);
        var worst = Enumerable.Range(0, rows.Count).OrderByDescending(i => deltaE[i]).ThenBy(i => i).Take(GalleryEach).ToList();
        var others = Enumerable.Range(0, rows.Count).Except(worst).ToList();
        var random = new MathNet.Numerics.Random.MersenneTwister(seed, threadSafe: false);
        var sample = others.OrderBy(_ => random.Next()).Take(GalleryEach).Order().ToList();
        var entries = new List<GalleryEntry>();
        foreach (var (i, kind) in worst.Select(i => (i, Gallery.Worst)).Concat(sample.Select(i => (i, Gallery.Sample))))
        {
            var row = rows[i];
            answers.TryGetValue(row.Id, out var answer);
            var photo = i % _thumbnails.Count;
            var original = $"photo-{photo}.webp";
            if (!File.Exists(Path.Combine(directory, original))) ImageFile.WriteWebp(Path.Combine(directory, original), _thumbnails[photo]);
            var name = SafeName.IsSafe(row.Id) ? row.Id : $"row-{i}";
            ImageFile.WriteWebp(Path.Combine(directory, $"{name}-teacher.webp"), _renderer.Render(_thumbnails[photo], Settings(ToolSchema.All.Select(row.TeacherFor), _looks)));
            ImageFile.WriteWebp(Path.Combine(directory, $"{name}-backend.webp"), _renderer.Render(_thumbnails[photo], Settings(ToolSchema.All.Select(t => answer?.GetValueOrDefault(t)), _looks)));
            entries.Add(new GalleryEntry(row.Id, row.Intent, kind, deltaE[i], original, $"{name}-teacher.webp", $"{name}-backend.webp"));
        }
        Gallery.Write(directory, entries);
    }

    private static void WritePerIntent(string directory, IReadOnlyList<DatasetRow> rows, double[] deltaE, double[] edits, double[] scores)
    {
        Directory.CreateDirectory(directory);
        using var buffer = new MemoryStream();
        for (var i = 0; i < rows.Count; i++)
        {
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("id", rows[i].Id);
                json.WriteNumber("delta_e", deltaE[i]);
                json.WriteNumber("teacher_edit_delta_e", edits[i]);
                json.WriteNumber("parameter_score", scores[i]);
                json.WriteEndObject();
            }
            buffer.WriteByte((byte)'\n');
        }
        AtomicFile.WriteAllText(Path.Combine(directory, PerIntentFile), Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
