using System.CommandLine;
using Harness.Datasets;

namespace Harness.Cli.Commands;

/// <summary><c>harness validate PATH</c>: checks a dataset and prints its statistics (spec §2 table), or every problem.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "The dataset file (JSON Lines), e.g. datasets/tonal-color/test.jsonl." };
        var filters = new Option<string?>("--filters") { Description = "The filter catalogue; default: filters.txt beside the dataset." };
        var command = new Command("validate", "Check a dataset file against the schema and print its statistics.");
        command.Arguments.Add(path);
        command.Options.Add(filters);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            Dataset dataset;
            try
            {
                dataset = DatasetLoader.Load(parseResult.GetValue(path)!, parseResult.GetValue(filters));
            }
            catch (InputException ex) when (ex.Problems.Count > 1)
            {
                foreach (var problem in ex.Problems)
                    error.WriteLine($"error: {problem}");
                error.WriteLine($"{ex.Problems.Count} problems; the file is not a valid dataset.");
                return ExitCodes.InputError;
            }
            output.Write(DatasetStatistics.From(dataset).ToText());
            output.WriteLine($"sha256: {dataset.Sha256}");
            return ExitCodes.Success;
        });
        return command;
    }
}
