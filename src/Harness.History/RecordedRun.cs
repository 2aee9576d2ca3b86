using System.Collections.Immutable;
using Harness.Runs;

namespace Harness.History;

/// <summary>
/// One run folder read for the store, with the existing readers (<see cref="RunManifest"/>,
/// <see cref="StoredResults"/>): its run.json when there is one, every result, and which backends
/// were promoted. Read before the store is locked, so a slow disk never holds the write lock.
/// </summary>
public sealed record RecordedRun(string Folder, string RunId, DateTimeOffset StartedAt, RunManifest? Manifest, ImmutableArray<RecordedRun.Result> Results)
{
    /// <summary>One backend's result in one scenario, its backend folder, and when that backend was promoted.</summary>
    public sealed record Result(StoredResult Stored, string BackendFolder, DateTimeOffset? PromotedAt);

    /// <exception cref="InputException">The folder holds no result, or a file in it is unreadable.</exception>
    public static RecordedRun Read(string runDirectory)
    {
        var folder = Path.GetFullPath(runDirectory);
        var stored = StoredResults.Load(folder);
        var manifestPath = Path.Combine(folder, RunLayout.RunFile);
        var manifest = File.Exists(manifestPath) ? RunManifest.Load(manifestPath) : null;
        var runId = manifest?.RunId is { Length: > 0 } id ? SafeName.Check(id, $"{manifestPath}: id") : stored[0].Metrics.Run.Id;
        var startedAt = manifest is { StartedAt: var at } && at != default ? at : stored.Min(r => r.Metrics.Run.StartedAt);
        var promoted = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        var results = stored.Select(r =>
        {
            var backendFolder = BackendFolder(r);
            if (!promoted.TryGetValue(backendFolder, out var when)) promoted[backendFolder] = when = PromotionFile.Read(backendFolder);
            return new Result(r, backendFolder, when);
        });
        return new RecordedRun(folder, runId, startedAt, manifest, [.. results]);
    }

    /// <summary><c>&lt;run&gt;/&lt;label&gt;</c> for a result in <c>&lt;run&gt;/&lt;label&gt;/&lt;scenario&gt;</c>; the result folder itself otherwise (<c>harness score</c>).</summary>
    private static string BackendFolder(StoredResult result)
    {
        var parent = Path.GetDirectoryName(result.Directory);
        return Path.GetFileName(result.Directory) == result.Scenario && parent is not null && Path.GetFileName(parent) == result.Label ? parent : result.Directory;
    }
}
