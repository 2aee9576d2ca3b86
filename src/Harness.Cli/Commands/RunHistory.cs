using Harness.History;

namespace Harness.Cli.Commands;

/// <summary>
/// Records a finished run in the run store for <c>harness eval</c>. The run folder is already
/// complete and is the source of truth, so a store that cannot be written costs a warning with the
/// command that records it later, never the run or its exit code.
/// </summary>
internal static class RunHistory
{
    public static void Record(string runDirectory, string? storePath, TextWriter stdout, TextWriter stderr)
    {
        var path = storePath ?? RunStore.BesideRun(runDirectory);
        try
        {
            using var store = RunStore.Open(path);
            var run = store.Record(runDirectory);
            stdout.WriteLine($"history: recorded run {run.RunId} in {store.FilePath}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            stderr.WriteLine($"warning: the run was not recorded in the history {path} ({ex.Message.ReplaceLineEndings(" ").TrimEnd('.')}); the run folder is complete: record it later with harness history record {runDirectory} --store {path}");
        }
    }
}
