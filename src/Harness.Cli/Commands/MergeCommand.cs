using System.CommandLine;
using Harness.Api;
using Harness.Cli.Progress;
using Harness.Running.Sharding;
using Harness.Runs;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness merge SHARD_DIR... --out DIR</c>: joins the folders of <c>harness eval --shard i/n</c>
/// into the run folder and reports of the unsharded run (<see cref="ShardMerge"/>). Exit 0 when
/// merged, 2 when the folders are not the complete shards of one run (the message names the
/// folder) or a backend failed in every shard, as <c>harness eval</c> would.
/// </summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var shards = new Argument<string[]>("shards") { Description = "Every shard folder of the run, e.g. reports/r1-shard-0 reports/r1-shard-1.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "The merged run folder (must not hold a run yet).", Required = true };
        var runId = new Option<string?>("--run-id") { Description = "The merged run's id (default: the --out folder name)." };
        var command = new Command("merge", "Merge the shard folders of one run (harness eval --shard i/n) into its run folder and reports.");
        command.Arguments.Add(shards);
        command.Options.Add(output);
        command.Options.Add(runId);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var report = await new HarnessContext().Evaluation.MergeShardsAsync(parse.GetValue(shards)!, parse.GetValue(output)!, parse.GetValue(runId), new PlainProgressSink(stdout), cancellationToken);
            var runDirectory = Path.GetFullPath(parse.GetValue(output)!);
            EvalCommand.PrintSummary(report, stdout);
            foreach (var part in RunManifest.Load(Path.Combine(runDirectory, RunLayout.RunFile)).Shards ?? [])
                stdout.WriteLine($"shard {part.Index}: {part.Folder}, {Hardware(part.Environment)}");
            stdout.WriteLine($"run folder: {runDirectory}");
            var failed = report.Results.Where(r => r.Error is not null).Select(r => r.Label).Distinct().ToList();
            if (failed.Count > 0)
                stderr.WriteLine($"error: {failed.Count} backend(s) failed in every shard: {string.Join(", ", failed)}; the others are merged.");
            foreach (var failure in report.ReportFailures ?? [])
                stderr.WriteLine($"error: {failure}; the predictions and metrics are kept: fix it and write the reports with harness report {runDirectory}");
            return failed.Count == 0 && report.ReportFailures is not { Count: > 0 } ? ExitCodes.Success : ExitCodes.InputError;
        });
        return command;
    }

    private static string Hardware(RunEnvironment? environment) =>
        environment is null ? "environment not recorded"
        : $"{environment.Cpu} ({environment.CpuCores} cores), GPU {environment.Gpu ?? "none"}, {environment.Os}";
}
