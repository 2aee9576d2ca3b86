using System.CommandLine;
using System.Globalization;
using Harness.Api;
using Harness.Metrics;
using Harness.Reports;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness score</c>: scores a predictions file against a dataset and writes metrics.json,
/// predictions.jsonl and report.md into the output folder.
/// </summary>
internal static class ScoreCommand
{
    /// <summary>Written beside metrics.json when dataset ids have no prediction: one id per line.</summary>
    public const string MissingFile = "missing-predictions.txt";

    public static Command Create()
    {
        var input = new PredictionsInput();
        var output = new Option<string>("--out") { Required = true, Description = "The folder to write metrics.json, predictions.jsonl and report.md into." };
        var seed = new Option<int>("--seed") { Description = "Bootstrap seed.", DefaultValueFactory = _ => BootstrapOptions.Default.Seed };
        var command = new Command("score", "Score a predictions file against a dataset (spec §4) and write metrics.json, predictions.jsonl and report.md.");
        input.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(seed);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var harness = new HarnessContext(parseResult.GetValue(seed));
            var (dataset, predictions) = input.Load(parseResult, harness);
            var directory = parseResult.GetValue(output)!;
            var metrics = harness.Evaluation.Score(dataset, predictions);
            var missingList = await OutputPath.WriteAsync(directory, "--out", async () =>
            {
                MetricsJson.Write(directory, metrics);
                CallRecordJson.WriteAll(Path.Combine(directory, RunLayout.PredictionsFile), predictions.Calls);
                var result = new BackendRunResult(Path.GetFileNameWithoutExtension(predictions.Path), metrics, predictions.Calls);
                await new MarkdownReportWriter().WriteAsync(new RunReport(metrics.Run.Id, dataset, [result], null), directory, cancellationToken);
                if (predictions.MissingIds.Length == 0) return null;
                var list = Path.Combine(directory, MissingFile);
                await AtomicFile.WriteAllTextAsync(list, string.Concat(predictions.MissingIds.Select(id => id + "\n")), cancellationToken);
                return list;
            });
            PredictionsInput.WarnAboutMissing(parseResult, dataset, predictions, missingList);
            var stdout = parseResult.InvocationConfiguration.Output;
            foreach (var subset in metrics.Subsets) stdout.WriteLine(Summary(subset));
            stdout.WriteLine($"wrote {RunLayout.MetricsFile}, {RunLayout.PredictionsFile} and {MarkdownReportWriter.FileName} to {directory}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Summary(SubsetMetrics s)
    {
        var ci = s.OverallCi95 is { } i ? string.Create(CultureInfo.InvariantCulture, $" [{i.Lower:0.000}, {i.Upper:0.000}]") : "";
        var finals = string.Join(", ", s.Tools.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Tool.WireName()} {t.Final:0.000}")));
        return string.Create(CultureInfo.InvariantCulture, $"{s.Name,-3} n={s.N,-5} overall {s.Overall:0.000}{ci}  ({finals})");
    }
}
