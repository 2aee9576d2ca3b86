using System.CommandLine;
using System.Globalization;
using Harness.DataGen;
using Harness.Tools;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness datagen --seed N --out DIR</c>: writes the synthetic tonal-colour dataset
/// (train.jsonl, test.jsonl, their oracle predictions, validation.jsonl, filters.txt, README.md), the same bytes for the same seed.
/// </summary>
internal static class DatagenCommand
{
    public static Command Create()
    {
        var seed = new Option<long>("--seed")
        {
            Description = $"Seed of the generator; the shipped datasets/tonal-color uses {DatasetGenerator.DefaultSeed}.",
            DefaultValueFactory = _ => DatasetGenerator.DefaultSeed,
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder to write train.jsonl, test.jsonl, the oracle predictions, validation.jsonl, filters.txt and README.md into (created if missing).",
            Required = true,
        };
        var command = new Command("datagen", "Generate the synthetic tonal-colour dataset (the paper's split sizes and used counts).");
        command.Options.Add(seed);
        command.Options.Add(output);
        command.SetAction(parse => Run(parse.GetValue(seed), parse.GetValue(output)!, parse.InvocationConfiguration.Output));
        return command;
    }

    internal static int Run(long seed, string outDirectory, TextWriter console)
    {
        var data = DatasetGenerator.Generate(seed);
        data.WriteTo(outDirectory);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {outDirectory} (seed {seed}):"));
        foreach (var split in new[] { data.Train, data.Test })
        {
            var used = ToolSchema.All.Select(t => split.Rows.Count(r => r.TeacherFor(t) is not null)).ToArray();
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {split.Target.Name}.jsonl: {split.Rows.Length} rows; used adjust {used[0]}, selective_adjust {used[1]}, filter {used[2]}"));
        }
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  validation.jsonl: {data.Validation.Length} rows, part of train (the rows the shipped students held out)"));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  filters.txt: {data.Filters.Length} filters; README.md: dataset card"));
        return ExitCodes.Success;
    }
}
