using System.CommandLine;
using Harness.Api;
using Harness.Datasets;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness validate PATH...</c>: checks dataset files and prints each one's statistics
/// (spec §2 table); with several files, also checks that they share no intent.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Dataset files (JSON Lines), e.g. datasets/tonal-color/test.jsonl; give train and test together to check they share no intent.",
            Arity = ArgumentArity.OneOrMore,
        };
        var filters = new Option<string?>("--filters") { Description = "The filter catalogue; default: filters.txt beside each dataset." };
        var command = new Command("validate", "Check dataset files against the schema and print their statistics.");
        command.Arguments.Add(paths);
        command.Options.Add(filters);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var harness = new HarnessContext();
            IReadOnlyList<Dataset> splits;
            try
            {
                splits = harness.Data.Validate(parseResult.GetValue(paths)!, parseResult.GetValue(filters));
            }
            catch (InputException ex)
            {
                IReadOnlyList<string> problems = ex.Problems.Count > 0 ? ex.Problems : [ex.Message];
                foreach (var problem in problems)
                    error.WriteLine($"error: {problem}");
                if (problems.Count > 1)
                    error.WriteLine($"{problems.Count} problems; fix them and validate again.");
                return ExitCodes.InputError;
            }
            for (var i = 0; i < splits.Count; i++)
            {
                if (i > 0) output.WriteLine();
                output.Write(harness.Data.Statistics(splits[i]).ToText());
                output.WriteLine($"sha256: {splits[i].Sha256}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
