using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Harness.Api;
using Harness.Cli.Progress;
using Harness.Datasets;
using Harness.Runs;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness eval --config eval.yaml</c>: runs every configured backend over the
/// dataset and writes the run folder. Exit 0 when every backend ran, 2 on bad input
/// or when a backend failed (to start, or its process ended), 130 on Ctrl+C and 143 on SIGTERM (finished calls are kept; <c>--resume</c> continues).
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "The evaluation config (YAML), e.g. eval.yaml.", Required = true };
        var output = new Option<string?>("--out") { Description = "The run folder (default: reports/<run-id>)." };
        var runId = new Option<string?>("--run-id") { Description = "The run id (default: the --out folder name, else a UTC timestamp)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in the run folder, skipping calls already recorded." };
        var shard = new Option<string?>("--shard") { Description = "Run only shard i of n (i/n, from 0/n): every n-th row from the i-th; merge the shard folders with harness merge." };
        var plugins = PluginsCommand.PluginsOption();
        var history = new Option<string?>("--history") { Description = "The run store this run is recorded in once finished; default: history.db beside the run folder." };
        var command = new Command("eval", "Run the configured backends over a dataset: quality, latency, throughput and cost.");
        foreach (var option in new Option[] { config, output, runId, resume, shard, plugins, history })
            command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var harness = new HarnessContext(new HarnessContextOptions { PluginDirectory = parse.GetValue(plugins) });
            var evalConfig = harness.Evaluation.LoadConfig(parse.GetValue(config)!);
            var needed = evalConfig.Backends.Select(b => b.Plugin).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var failure in harness.Backends.Failures.Where(f => needed.Contains(f.Name)))
                stderr.WriteLine($"warning: plugin {failure.Name} failed to load: {failure.Reason}");
            var options = harness.Evaluation.CreateRunOptions(parse.GetValue(output), parse.GetValue(runId), parse.GetValue(resume))
                with { Shard = parse.GetValue(shard) is { } text ? Shard.Parse(text, "--shard") : null };
            stdout.WriteLine($"run {options.RunId}{(options.Shard is { } part ? $" shard {part}" : "")} -> {options.RunDirectory}");

            // Ctrl+C (and SIGTERM, how CI and schedulers cancel) stops after the call in flight; every finished call is already on disk.
            using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var signal = ExitCodes.Cancelled;
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                // A second Ctrl+C ends the process at once (a backend call that never returns).
                e.Cancel = !interrupt.IsCancellationRequested;
                stderr.WriteLine(e.Cancel ? "stopping after the calls in flight (Ctrl+C again to quit now)..." : "quitting.");
                interrupt.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                signal = ExitCodes.Terminated;
                stderr.WriteLine("terminated (SIGTERM): stopping after the calls in flight...");
                interrupt.Cancel();
            });
            RunReport report;
            try
            {
                report = await ProgressDisplay.RunAsync(sink => harness.Evaluation.RunAsync(evalConfig, options, sink, interrupt.Token), stdout);
            }
            catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
            {
                stderr.WriteLine($"cancelled: finished calls are kept in {options.RunDirectory}; continue with: {ResumeCommand(parse.GetValue(config)!, options.RunDirectory, parse.GetValue(plugins), options.Shard)}");
                return signal;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The folder was checked before the run, so this is a disk that filled up or a folder changed under the run.
                throw new InputException($"{options.RunDirectory}: cannot write the run folder ({ex.Message.TrimEnd('.')}); the calls finished so far are kept: free space and continue with --resume.", ex);
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
            PrintSummary(report, stdout);
            stdout.WriteLine($"run folder: {options.RunDirectory}");
            RunHistory.Record(options.RunDirectory, parse.GetValue(history), stdout, stderr);
            var failed = report.Results.Where(r => r.Error is not null).Select(r => r.Label).Distinct().ToList();
            if (failed.Count > 0)
                stderr.WriteLine($"error: {failed.Count} backend(s) failed: {string.Join(", ", failed)} (see above); the others ran.");
            // A report that was asked for and is missing fails the run; predictions and metrics.json are already on disk.
            foreach (var failure in report.ReportFailures ?? [])
                stderr.WriteLine($"error: {failure}; the predictions and metrics are kept: fix it and write the reports with harness report {options.RunDirectory}");
            return failed.Count == 0 && report.ReportFailures is not { Count: > 0 } ? ExitCodes.Success : ExitCodes.InputError;
        });
        return command;
    }

    /// <summary>The command that continues this run exactly: the same config, run folder and plugin folder.</summary>
    internal static string ResumeCommand(string config, string runDirectory, string? plugins, Shard? shard = null)
    {
        var words = new List<string> { "harness", "eval", "--config", config, "--out", runDirectory };
        if (shard is not null) words.AddRange(["--shard", shard.ToString()]);
        if (!string.IsNullOrWhiteSpace(plugins)) words.AddRange(["--plugins", plugins]);
        words.Add("--resume");
        return ShellWords.Join(words);
    }

    /// <summary>One line per backend and scenario: overall with its interval, latency, throughput, cost.</summary>
    public static void PrintSummary(RunReport report, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var result in report.Results)
        {
            var m = result.Metrics;
            var prefix = $"{result.Label} / {m.Run.Scenario}:";
            if (result.Error is not null)
            {
                output.WriteLine($"{prefix} FAILED: {result.Error}");
                continue;
            }
            var all = m.Subset(Subsets.AllRows);
            var ci = all.OverallCi95 is { } c ? string.Create(inv, $" [{c.Lower:0.000}, {c.Upper:0.000}]") : "";
            var latency = m.Latency is { } l ? string.Create(inv, $", intent p50 {l.PerIntent.P50:0.##} ms p95 {l.PerIntent.P95:0.##} ms") : "";
            var speed = m.Throughput is { } t ? string.Create(inv, $", {t.IntentsPerSecond:0.#} intents/s") : "";
            var cost = m.Cost is { } k ? string.Create(inv, $", {k.UsdPer1kIntents:0.#####} USD/1k intents") : "";
            var server = m.Server is { } v ? $", {(v.Valid ? "VALID" : "INVALID")} ({v.Reason})" : "";
            output.WriteLine(string.Create(inv, $"{prefix} overall {all.Overall:0.000}{ci}{latency}{speed}{cost}, parse failures {m.Parse.Failures}{server}"));
        }
    }
}
