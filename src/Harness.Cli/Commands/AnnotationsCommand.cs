using System.CommandLine;
using System.Globalization;
using Harness.Annotation;
using Harness.Api;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness annotations RUN FILE...</c>: summarises annotators' answers of a study page: per backend
/// relevant k/n and mimics k/n with Wilson 95% intervals, and Fleiss' kappa per question.
/// </summary>
internal static class AnnotationsCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("RUN") { Description = "The run folder the study was drawn from." };
        var files = new Argument<string[]>("FILE") { Description = "The answers files the study page saved, one per annotator.", Arity = ArgumentArity.OneOrMore };
        var (_, images, luts, dataset) = AnnotateCommand.SharedOptions();
        var command = new Command("annotations", "Summarise the answers of a harness annotate page: relevant and mimics k/n per backend (Wilson intervals), Fleiss' kappa.");
        command.Arguments.Add(run);
        command.Arguments.Add(files);
        foreach (var option in new Option[] { images, luts, dataset })
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            // The sample, seed and backends come from the answers: the study is drawn as it was.
            var defaults = new AnnotationOptions();
            var options = defaults with
            {
                Images = parse.GetValue(images) ?? defaults.Images,
                Luts = parse.GetValue(luts) ?? defaults.Luts,
                Dataset = parse.GetValue(dataset),
            };
            var summary = new HarnessContext().Annotation.Summarise(parse.GetValue(run)!, parse.GetValue(files)!, options);
            Print(summary, parse.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(AnnotationSummary summary, TextWriter stdout)
    {
        var study = summary.Study;
        stdout.WriteLine($"run {study.RunId}, study {study.Fingerprint}: {study.Items.Length} intents, {summary.Annotators.Length} annotator(s) ({string.Join(", ", summary.Annotators)})");
        stdout.WriteLine();
        stdout.WriteLine("| backend | relevant to the intent | mimics the teacher | can't tell | unanswered |");
        stdout.WriteLine("|---|---|---|---|---|");
        foreach (var b in summary.Backends)
            stdout.WriteLine($"| {b.Backend} | {Cell(b.Relevant)} | {Cell(b.Mimics)} | {b.Relevant.CantTell + b.Mimics.CantTell} | {b.Relevant.Unanswered + b.Mimics.Unanswered} |");
        stdout.WriteLine();
        foreach (var a in summary.Agreements)
        {
            var value = a.Kappa is { } k ? k.ToString("0.000", CultureInfo.InvariantCulture) : $"N/A ({a.Undefined})";
            stdout.WriteLine($"agreement on '{a.Question}': Fleiss' kappa {value} over {a.Items} edits every annotator answered yes or no");
        }
    }

    private static string Cell(Proportion p) => p.N == 0
        ? "0/0"
        : string.Create(CultureInfo.InvariantCulture, $"{p.Yes}/{p.N} = {100.0 * p.Yes / p.N:0}% [{100 * p.Low:0}%, {100 * p.High:0}%]");
}
