using System.CommandLine;
using Harness.Annotation;
using Harness.Api;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness annotate RUN --sample 15 --seed S [--out FILE.html]</c>: the paper's reality check as a
/// self-contained page: a seeded sample of the run's intents, each with the photo, the teacher's edit
/// and every backend's under shuffled blind letters, and the paper's two questions; Save downloads
/// the answers for <c>harness annotations</c>.
/// </summary>
internal static class AnnotateCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("RUN") { Description = "The run folder (reports/<run-id>)." };
        var sample = new Option<int>("--sample") { Description = "How many intents (default 15, as the paper).", DefaultValueFactory = _ => 15 };
        var seed = new Option<int>("--seed") { Description = "Seed of the sample and the blind order (default 1).", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "The page to write; default: annotate-<seed>.html in the run folder." };
        var (backends, images, luts, dataset) = SharedOptions();
        var command = new Command("annotate", "Write a blind annotation page of a run's edits (the paper's reality check): relevant to the intent? mimics the teacher?");
        command.Arguments.Add(run);
        foreach (var option in new Option[] { sample, seed, output, backends, images, luts, dataset })
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var folder = parse.GetValue(run)!;
            var options = Options(parse, backends, images, luts, dataset) with { Sample = parse.GetValue(sample), Seed = parse.GetValue(seed) };
            var page = parse.GetValue(output) ?? Path.Combine(folder, $"annotate-{options.Seed}.html");
            var study = new HarnessContext().Annotation.WriteStudy(folder, page, options);
            stdout.WriteLine($"wrote {page}: {study.Items.Length} intents x {study.Backends.Length} backends ({string.Join(", ", study.Backends)}), blind; study {study.Fingerprint}");
            stdout.WriteLine($"annotators open it, answer and press Save; then: harness annotations {folder} ANSWERS.json...");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The options both annotation commands take: which backends, the photos, the LUTs, the dataset.</summary>
    internal static (Option<string?> Backends, Option<string?> Images, Option<string?> Luts, Option<string?> Dataset) SharedOptions() =>
    (
        new Option<string?>("--backends") { Description = "Comma-separated labels to annotate (default: every result but the teacher's)." },
        new Option<string?>("--images") { Description = "The sample photos' folder (default: datasets/images)." },
        new Option<string?>("--luts") { Description = "The filter LUTs' folder (default: datasets/tonal-color/luts)." },
        new Option<string?>("--dataset") { Description = "The run's dataset, when run.json's path no longer holds it." }
    );

    internal static AnnotationOptions Options(ParseResult parse, Option<string?> backends, Option<string?> images, Option<string?> luts, Option<string?> dataset)
    {
        var defaults = new AnnotationOptions();
        return defaults with
        {
            Backends = parse.GetValue(backends) is { } list ? [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : [],
            Images = parse.GetValue(images) ?? defaults.Images,
            Luts = parse.GetValue(luts) ?? defaults.Luts,
            Dataset = parse.GetValue(dataset),
        };
    }
}
