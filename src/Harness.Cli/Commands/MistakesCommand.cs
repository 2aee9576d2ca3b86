using System.CommandLine;
using Harness.Api;
using Harness.Metrics;
using Harness.Tools;

namespace Harness.Cli.Commands;

/// <summary><c>harness mistakes</c>: writes the paper's augmentation candidates (spec §4) as JSON lines.</summary>
internal static class MistakesCommand
{
    public static Command Create()
    {
        var input = new PredictionsInput();
        var output = new Option<string>("--out") { Required = true, Description = "The JSONL file to write the candidates to." };
        var command = new Command("mistakes", "Write the augmentation candidates of a predictions file (wrong filter names, below-mean cosines) as JSONL.");
        input.AddTo(command);
        command.Options.Add(output);
        command.SetAction(parseResult =>
        {
            var (dataset, predictions) = input.Load(parseResult, new HarnessContext());
            PredictionsInput.WarnAboutMissing(parseResult, dataset, predictions);
            var candidates = MistakeFinder.Find(dataset.Rows, predictions.Predictions);
            var path = parseResult.GetValue(output)!;
            OutputPath.Write(path, "--out", () => { AugmentationCandidateJson.WriteAll(path, candidates); return true; }, isFile: true);
            var byTool = string.Join(", ", ToolSchema.All.Select(t => $"{t.WireName()} {candidates.Count(c => c.Tool == t)}"));
            parseResult.InvocationConfiguration.Output.WriteLine($"{candidates.Count} augmentation candidates ({byTool}) written to {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}
