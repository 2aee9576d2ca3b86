using System.Globalization;
using Harness.Plugins;
using Harness.Runs;

namespace Harness.Running;

/// <summary>How to run a config: which backends exist, where the run folder is, whether to resume.</summary>
/// <param name="Backends">The backend factories by name (from the plugin host, or in-process ones).</param>
/// <param name="RunDirectory">The run folder (<c>reports/&lt;run-id&gt;</c>).</param>
/// <param name="RunId">The run id recorded in every result.</param>
/// <param name="Resume">Continue the run in <paramref name="RunDirectory"/>, skipping finished calls.</param>
/// <param name="Shard">Run only this share of the rows (<c>--shard i/n</c>), or null for all of them.</param>
public sealed record RunOptions(BackendCatalog Backends, string RunDirectory, string RunId, bool Resume = false, Shard? Shard = null)
{
    /// <summary>
    /// Fills in the defaults: the run id is <paramref name="runId"/>, else the folder name of
    /// <paramref name="outDirectory"/>, else a UTC timestamp; the folder defaults to
    /// <c>reports/&lt;run-id&gt;</c> under the current directory. The run id must be a
    /// <see cref="SafeName"/> (it names the folder, and a crafted one such as <c>../../x</c> would
    /// write elsewhere), and the folder must be one that can be written: both are checked here,
    /// before any backend starts, which creates the folder.
    /// </summary>
    public static RunOptions Create(BackendCatalog backends, string? outDirectory, string? runId, bool resume, DateTimeOffset now)
    {
        if (resume && outDirectory is null && runId is null)
            throw new InputException("--resume needs the run to continue: pass --out reports/<run-id> or --run-id <run-id>.");
        string id;
        if (runId is not null)
        {
            id = SafeName.Check(runId, "--run-id");
        }
        else if (outDirectory is not null)
        {
            id = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDirectory)));
            if (!SafeName.IsSafe(id))
                throw new InputException($"--out {outDirectory}: {SafeName.Problem(id)}; the run id is the --out folder's name; pass --run-id to give another.");
        }
        else
        {
            id = DefaultRunId(now);
        }

        var dir = Path.GetFullPath(outDirectory ?? Path.Combine("reports", id));
        OutputPath.CheckFolder(dir, outDirectory is null ? "run folder" : "--out");
        return new RunOptions(backends, dir, id, resume);
    }

    /// <summary>The run id when none is given: the UTC time the run started, <c>yyyyMMdd-HHmmss</c>.</summary>
    public static string DefaultRunId(DateTimeOffset now) => now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
}
