using System.CommandLine;
using Harness.History;
using Harness.Reports;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness history [--backend X] [--store FILE] [--out DIR]</c>: the trend of the recorded runs,
/// printed per backend and model and written as history.html with score- and latency-over-time
/// charts. <c>--rebuild</c> makes the store again from the run folders; <c>record RUN</c> records
/// one run folder; <c>promote RUN/LABEL</c> marks a result promoted (what <c>gate --baseline last-promoted</c> compares against).
/// </summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var store = StoreOption();
        var backend = new Option<string?>("--backend") { Description = "Only this backend (its label or plugin name)." };
        var output = new Option<string?>("--out") { Description = "Where to write history.html; default: the store's folder." };
        var rebuild = new Option<bool>("--rebuild") { Description = "First make the store again from the run folders (every folder with run.json under --runs)." };
        var runs = new Option<string?>("--runs") { Description = "The folder holding the run folders, for --rebuild; default: the store's folder." };
        var command = new Command("history", "The trend of every recorded run: a table per backend and model, and history.html with score and latency over time.");
        foreach (var option in new Option[] { store, backend, output, rebuild, runs })
            command.Options.Add(option);
        command.Subcommands.Add(RecordCommand());
        command.Subcommands.Add(PromoteCommand());
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var path = parse.GetValue(store) ?? RunStore.DefaultPath;
            using var runStore = parse.GetValue(rebuild) ? Rebuild(path, parse.GetValue(runs), stdout, parse.InvocationConfiguration.Error) : OpenExisting(path);
            var entries = runStore.Entries(parse.GetValue(backend));
            if (entries.Count == 0 && parse.GetValue(backend) is { } name)
                throw new InputException($"{runStore.FilePath}: no recorded run has a backend labelled or run by '{name}'.");
            await stdout.WriteAsync(HistoryReport.Table(entries));
            var outDir = parse.GetValue(output) ?? Path.GetDirectoryName(runStore.FilePath)!;
            var page = await OutputPath.WriteAsync(outDir, parse.GetValue(output) is null ? "store folder" : "--out",
                () => HistoryReport.WriteAsync(entries, runStore.FilePath, outDir, cancellationToken));
            await stdout.WriteLineAsync($"wrote {page}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The store option every history-aware command shares.</summary>
    internal static Option<string?> StoreOption() =>
        new("--store") { Description = $"The run store (SQLite); default: {RunStore.DefaultPath}." };

    /// <summary>Opens a store that must already exist (reading or promoting in a missing one is a mistyped path).</summary>
    internal static RunStore OpenExisting(string path) => File.Exists(path)
        ? RunStore.Open(path)
        : throw new InputException($"{path}: no run store here; harness eval records each finished run into history.db beside its run folder, and harness history --rebuild --store {path} makes it from the run folders.");

    private static RunStore Rebuild(string path, string? runs, TextWriter stdout, TextWriter stderr)
    {
        RunStore runStore;
        try
        {
            runStore = RunStore.Open(path);
        }
        catch (InputException) when (File.Exists(path))
        {
            // Unreadable (corrupt, or not a store): the run folders hold everything it held.
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
            stderr.WriteLine($"warning: {path} was not a readable run store; made a new one.");
            runStore = RunStore.Open(path);
        }

        var root = runs ?? Path.GetDirectoryName(runStore.FilePath)!;
        var (recorded, skipped) = runStore.Rebuild(root);
        foreach (var reason in skipped) stderr.WriteLine($"warning: skipped {reason}");
        stdout.WriteLine($"rebuilt {runStore.FilePath} from {recorded.Count} run folder(s) in {root}");
        return runStore;
    }

    private static Command RecordCommand()
    {
        var run = new Argument<string>("run") { Description = "The run folder, e.g. reports/<run-id>." };
        var store = new Option<string?>("--store") { Description = "The run store; default: history.db beside the run folder." };
        var command = new Command("record", "Record one finished run folder in the store (harness eval does this itself).");
        command.Arguments.Add(run);
        command.Options.Add(store);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(store) ?? RunStore.BesideRun(parse.GetValue(run)!);
            using var runStore = RunStore.Open(path);
            var recorded = runStore.Record(parse.GetValue(run)!);
            parse.InvocationConfiguration.Output.WriteLine($"recorded run {recorded.RunId} ({recorded.Results.Length} result(s)) in {runStore.FilePath}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command PromoteCommand()
    {
        var result = new Argument<string>("result") { Description = "The backend folder <run>/<label> to promote." };
        var store = new Option<string?>("--store") { Description = "The run store; default: history.db beside the run folder." };
        var command = new Command("promote", "Mark a backend's result promoted: gate --baseline last-promoted compares against the last one.");
        command.Arguments.Add(result);
        command.Options.Add(store);
        command.SetAction(parse =>
        {
            var folder = Path.GetFullPath(parse.GetValue(result)!).TrimEnd(Path.DirectorySeparatorChar);
            using var runStore = RunStore.Open(parse.GetValue(store) ?? RunStore.BesideRun(Path.GetDirectoryName(folder) ?? folder));
            var promoted = runStore.Promote(parse.GetValue(result)!, DateTimeOffset.UtcNow);
            parse.InvocationConfiguration.Output.WriteLine($"promoted {promoted.RunId}/{promoted.Label} ({promoted.Folder}) in {runStore.FilePath}");
            return ExitCodes.Success;
        });
        return command;
    }
}
