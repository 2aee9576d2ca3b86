using System.CommandLine;
using Harness.Reports;
using Harness.Runs;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness report RUN_DIR [--writers html,json] [--out DIR]</c>: writes (again) the reports of a
/// finished or interrupted run from what its folder holds, with any registered writers. Exit 2,
/// with one error line per report, when a report could not be written; the others are still written.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run") { Description = "The run folder, e.g. reports/<run-id>." };
        var writers = new Option<string?>("--writers") { Description = $"Comma-separated report writers; default: all ({string.Join(", ", ReportWriterRegistry.Default.Names)})." };
        var output = new Option<string?>("--out") { Description = "Where to write the reports; default: the run folder." };
        var dataset = new Option<string?>("--dataset") { Description = "The dataset the run used; default: the one run.json names." };
        var command = new Command("report", "Write a run's reports (index.html, report.md, summary.json, ...) from its folder.");
        command.Arguments.Add(run);
        command.Options.Add(writers);
        command.Options.Add(output);
        command.Options.Add(dataset);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var config = parseResult.InvocationConfiguration;
            var runDirectory = parseResult.GetValue(run)!;
            var names = parseResult.GetValue(writers)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                ?? [.. ReportWriterRegistry.Default.Names];
            var composite = ReportWriterRegistry.Default.Create(names, config.Error);
            var report = RunFolderReport.Load(runDirectory, parseResult.GetValue(dataset));
            var outDir = parseResult.GetValue(output) ?? runDirectory;
            OutputPath.CheckFolder(outDir, parseResult.GetValue(output) is null ? "run folder" : "--out");
            var files = await composite.WriteAsync(report, outDir, cancellationToken);
            foreach (var file in files)
                await config.Output.WriteLineAsync($"wrote {file}");
            // The composite printed one error line per report it could not write.
            return composite.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.InputError;
        });
        return command;
    }
}
