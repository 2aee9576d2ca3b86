using System.CommandLine;
using System.Globalization;
using Harness.DataGen;
using Harness.Metrics;
using Harness.Tools;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness augment --mistakes M --out FILE</c>: the paper's augmentation step on the synthetic
/// dataset, new labelled intents near each mistaken train row (<see cref="DatasetAugmenter"/>).
/// </summary>
internal static class AugmentCommand
{
    private const int DefaultPerMistake = 3;

    public static Command Create()
    {
        var mistakes = new Option<string>("--mistakes")
        {
            Required = true,
            Description = "The JSONL file 'harness mistakes' wrote over train rows; of each line only id and intent are read.",
        };
        var perMistake = new Option<int>("--per-mistake")
        {
            Description = "New intents per mistaken row; fewer where the templates have no more unused phrasings.",
            DefaultValueFactory = _ => DefaultPerMistake,
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Seed of the choice of phrasings and of the teacher's noise.",
            DefaultValueFactory = _ => DatasetGenerator.DefaultSeed,
        };
        var datasetSeed = new Option<long>("--dataset-seed")
        {
            Description = "The datagen seed of the dataset the mistakes come from (the shipped one by default).",
            DefaultValueFactory = _ => DatasetGenerator.DefaultSeed,
        };
        var output = new Option<string>("--out")
        {
            Required = true,
            Description = "The JSONL file to write the new rows to (dataset schema, ids aug-00001..., repeats 1, no exports).",
        };
        var command = new Command("augment",
            "Write new labelled intents near mistaken train rows: the same concepts at the same strengths in other phrasings. " +
            "The dataset generator is the teacher, so the labels are synthetic. A new row uses a tool when the tool's propensity " +
            "plus the generator's noise exceeds the threshold that the train split's exact-count allocation implies.");
        foreach (var option in new Option[] { mistakes, perMistake, seed, datasetSeed, output })
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            var k = parse.GetValue(perMistake);
            if (k < 1) throw new InputException($"--per-mistake: expected an integer >= 1, got {k.ToString(CultureInfo.InvariantCulture)}");
            var file = MistakesFileReader.Read(parse.GetValue(mistakes)!);
            var augmented = DatasetAugmenter.Augment(DatasetGenerator.Generate(parse.GetValue(datasetSeed)), file, k, parse.GetValue(seed));
            var path = parse.GetValue(output)!;
            Write(path, augmented);
            parse.InvocationConfiguration.Output.WriteLine(Summary(file, augmented, k, path));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(string path, AugmentedRows augmented)
    {
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null) Directory.CreateDirectory(directory);
            AtomicFile.Write(path, stream => DatasetRowWriter.Write(stream, augmented.Rows));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InputException($"{path}: cannot write the new rows there ({ex.Message}); pass a writable file to --out.", ex);
        }
    }

    private static string Summary(MistakesFile file, AugmentedRows augmented, int perMistake, string path)
    {
        var used = string.Join(", ", ToolSchema.All.Select(t => $"{t.WireName()} {augmented.UsedCount(t)}"));
        var shortOf = augmented.ShortOf.Length == 0 ? ""
            : $"; {augmented.ShortOf.Length} rows had fewer than {perMistake} unused phrasings (first {augmented.ShortOf[0]})";
        return string.Create(CultureInfo.InvariantCulture,
            $"{file.Mistakes} mistakes on {file.Rows.Length} rows read; {augmented.Rows.Length} rows written to {path} (used: {used}){shortOf}");
    }
}
