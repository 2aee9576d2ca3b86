using System.CommandLine;
using Harness.Api;
using Harness.Datasets;
using Harness.Runs;

namespace Harness.Cli.Commands;

/// <summary>The <c>--dataset</c>, <c>--predictions</c> and <c>--filters</c> options shared by score and mistakes.</summary>
internal sealed class PredictionsInput
{
    public Option<string> Dataset { get; } = new("--dataset") { Required = true, Description = "The dataset split, e.g. datasets/tonal-color/test.jsonl." };

    public Option<string> Predictions { get; } = new("--predictions") { Required = true, Description = "One JSON line per intent: {\"id\":..,\"outputs\":{\"adjust\":..,\"selective_adjust\":..,\"filter\":..}}." };

    public Option<string?> Filters { get; } = new("--filters") { Description = "The filter catalogue; default: filters.txt beside the dataset." };

    public void AddTo(Command command)
    {
        command.Options.Add(Dataset);
        command.Options.Add(Predictions);
        command.Options.Add(Filters);
    }

    /// <summary>Loads the dataset and reads the predictions against it.</summary>
    public (Dataset Dataset, PredictionsFile Predictions) Load(ParseResult parseResult, HarnessContext harness)
    {
        var dataset = harness.Data.Load(parseResult.GetValue(Dataset)!, parseResult.GetValue(Filters));
        var predictions = harness.Data.LoadPredictions(parseResult.GetValue(Predictions)!, dataset);
        return (dataset, predictions);
    }

    /// <summary>Warns (stderr) about dataset ids with no prediction: their count and the first few.</summary>
    public static void WarnAboutMissing(ParseResult parseResult, Dataset dataset, PredictionsFile predictions, string? listedIn = null)
    {
        var missing = predictions.MissingIds;
        if (missing.Length == 0) return;
        var shown = string.Join(", ", missing.Take(5)) + (missing.Length > 5 ? ", ..." : "");
        var where = listedIn is null ? "" : $" (all listed in {listedIn})";
        parseResult.InvocationConfiguration.Error.WriteLine(
            $"warning: {missing.Length} of {dataset.Rows.Length} dataset ids have no prediction and count as not used: {shown}{where}");
    }
}
