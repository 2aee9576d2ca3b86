using System.Globalization;
using Harness.Plugins;

namespace Harness.Running;

/// <summary>How to run a config: which backends exist, where the run folder is, whether to resume.</summary>
/// <param name="Backends">The backend factories by name (from the plugin host, or in-process ones).</param>
/// <param name="RunDirectory">The run folder (<c>reports/&lt;run-id&gt;</c>).</param>
/// <param name="RunId">The run id recorded in every result.</param>
/// <param name="Resume">Continue the run in <paramref name="RunDirectory"/>, skipping finished calls.</param>
public sealed record RunOptions(BackendCatalog Backends, string RunDirectory, string RunId, bool Resume = false)
{
    /// <summary>
    /// Fills in the defaults: the run id is the folder name of <paramref name="outDirectory"/>,
    /// else <paramref name="runId"/>, else a UTC timestamp; the folder defaults to
    /// <c>reports/&lt;run-id&gt;</c> under the current directory.
    /// </summary>
    public static RunOptions Create(BackendCatalog backends, string? outDirectory, string? runId, bool resume, DateTimeOffset now)
    {
        if (resume && outDirectory is null && runId is null)
            throw new InputException("--resume needs the run to continue: pass --out reports/<run-id> or --run-id <run-id>.");
        var id = runId ?? (outDirectory is not null
            ? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDirectory)))
            : now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var dir = Path.GetFullPath(outDirectory ?? Path.Combine("reports", id));
        return new RunOptions(backends, dir, id, resume);
    }
}
