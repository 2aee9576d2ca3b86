using System.CommandLine;
using Harness.Api;
using Harness.Reports;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness compare RUN_A RUN_B ... [--out DIR]</c>: the side-by-side report (index.html and
/// report.md) of earlier runs or results, with paired-bootstrap intervals of each difference
/// from the first where the rows are the same.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var folders = new Argument<string[]>("folders") { Description = "Run folders (reports/<run>), backend folders (<run>/<label>) or result folders (with metrics.json).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Where to write index.html and report.md; default: reports/compare-<time>." };
        var dataset = new Option<string?>("--dataset") { Description = "The dataset the results were scored on; default: the one run.json names." };
        var command = new Command("compare", "Compare earlier runs side by side, with paired intervals of each difference.");
        command.Arguments.Add(folders);
        command.Options.Add(output);
        command.Options.Add(dataset);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var report = new HarnessContext().Comparison.CompareFolders(parseResult.GetValue(folders)!, parseResult.GetValue(dataset));
            var outDir = parseResult.GetValue(output) ?? ComparisonReportFiles.DefaultFolder(DateTimeOffset.UtcNow);

            var markdown = ComparisonMarkdown.Render(report);
            var files = await OutputPath.WriteAsync(outDir, "--out", () => ComparisonReportFiles.WriteAsync(report, outDir, cancellationToken));

            await stdout.WriteAsync(markdown);
            await stdout.WriteLineAsync($"\nwrote {string.Join(", ", files)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
