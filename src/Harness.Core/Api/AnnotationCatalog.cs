using Harness.Annotation;
using Harness.Rendering;
using Harness.Runs;

namespace Harness.Api;

/// <summary>
/// The paper's reality check: a blind annotation page drawn from a finished run
/// (<c>harness annotate</c>), and the summary of the answers annotators saved from it
/// (<c>harness annotations</c>).
/// </summary>
public sealed class AnnotationCatalog
{
    internal AnnotationCatalog()
    {
    }

    /// <summary>Draws the study of the run in <paramref name="runDirectory"/> and writes its page to <paramref name="outputFile"/>.</summary>
    /// <exception cref="InputException">The run folder, its dataset, the photos or the LUTs cannot be read, or an option is wrong.</exception>
    public AnnotationStudy WriteStudy(string runDirectory, string outputFile, AnnotationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (study, photos, luts) = Draw(runDirectory, options);
        var html = AnnotationPage.Html(study, photos, new Renderer(luts));
        OutputPath.Write(outputFile, "--out", () =>
        {
            if (Path.GetDirectoryName(Path.GetFullPath(outputFile)) is { } folder) Directory.CreateDirectory(folder);
            AtomicFile.WriteAllText(outputFile, html);
            return true;
        }, isFile: true);
        return study;
    }

    /// <summary>
    /// Summarises annotators' answer files for the run in <paramref name="runDirectory"/>: the study is
    /// drawn again from the seed, sample and backends the first file records, and every file is checked
    /// against its fingerprint.
    /// </summary>
    /// <exception cref="InputException">A file unreadable, malformed, or of another study (named with the field).</exception>
    public AnnotationSummary Summarise(string runDirectory, IReadOnlyList<string> answerFiles, AnnotationOptions options)
    {
        ArgumentNullException.ThrowIfNull(answerFiles);
        ArgumentNullException.ThrowIfNull(options);
        if (answerFiles.Count == 0) throw new InputException("give one or more answer files (the JSON the study page saves).");
        var files = answerFiles.Select(AnnotationAnswers.Load).ToList();
        var first = files[0];
        var (study, _, _) = Draw(runDirectory, options with { Seed = first.Seed, Sample = first.Sample, Backends = first.Backends });
        return AnnotationSummary.Of(study, files);
    }

    private static (AnnotationStudy Study, IReadOnlyList<RgbaImage> Photos, LutLibrary Luts) Draw(string runDirectory, AnnotationOptions options)
    {
        if (!Directory.Exists(runDirectory)) throw new InputException($"{runDirectory}: no such run folder; give a folder harness eval wrote (reports/<run-id>).");
        var report = RunFolderReport.Load(runDirectory, options.Dataset);
        try
        {
            var luts = new LutLibrary(options.Luts);
            var files = RenderComparer.PhotoFiles(options.Images);
            var study = AnnotationStudy.Draw(report, [.. files.Select(Path.GetFileName).Select(n => n!)], luts.Names.ToHashSet(StringComparer.Ordinal), options.Sample, options.Seed, options.Backends);
            return (study, [.. files.Select(f => ImageFile.Fit(ImageFile.Read(f), AnnotationPage.ImageSize))], luts);
        }
        catch (RenderingException ex)
        {
            throw new InputException(ex.Message, ex);
        }
    }
}
