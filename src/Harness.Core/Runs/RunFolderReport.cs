using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Metrics;
using Harness.Tools;

namespace Harness.Runs;

/// <summary>
/// Rebuilds a run's <see cref="RunReport"/> from its folder for <c>harness report</c>: every stored
/// result, the environment from run.json, and the backends run.json records as failed to start.
/// Every label and scenario read is checked to be a <see cref="SafeName"/>.
/// </summary>
public static class RunFolderReport
{
    public static RunReport Load(string runDirectory, string? datasetPath)
    {
        var results = StoredResults.Load(runDirectory);
        var dataset = DatasetLocator.Load(datasetPath, [runDirectory])
            ?? new Dataset(results[0].Metrics.Run.Dataset, results[0].Metrics.Run.DatasetSha256, [], []);
        var runJson = Path.Combine(runDirectory, RunLayout.RunFile);
        var manifest = File.Exists(runJson) ? RunManifest.Load(runJson) : null;
        var backends = manifest?.Backends.ToList() ?? [];
        var failed = backends.Where(e => e.Value.Error is not null).ToList();
        // A failed backend becomes a result with its label, and the json writer makes a folder of it.
        foreach (var backend in failed)
            SafeName.Check(backend.Key, $"{runJson}: backends");

        var runResults = results.Select(s => s.ToRunResult()).ToList();
        var first = results[0].Metrics.Run;
        foreach (var (label, entry) in failed.Where(f => runResults.All(x => x.Label != f.Key)))
            runResults.Add(new BackendRunResult(label, Empty(first with { Backend = entry.Plugin, Model = entry.Model ?? "" }), [], entry.Error));
        // Config order (run.json lists the backends as the config did), then any others by name.
        var order = backends.Select((e, i) => (e.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var ordered = runResults.Select((x, i) => (x, i)).OrderBy(p => order.GetValueOrDefault(p.x.Label, order.Count)).ThenBy(p => p.i).Select(p => p.x);
        return new RunReport(first.Id, dataset, [.. ordered], manifest?.Environment, Floor: manifest?.Floor, Ceiling: manifest?.Ceiling, Teacher: manifest?.Teacher);
    }

    private static EvaluationMetrics Empty(RunIdentity run) => new(
        run,
        [.. Subsets.All.Select(s => new SubsetMetrics(s.Name, 0, [.. ToolSchema.All.Select(t => new ToolMetrics(t, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, new Interval(0, 0), null))], 0, null))],
        new ParseSummary(0, 0, ImmutableSortedDictionary<string, int>.Empty, ImmutableSortedDictionary<string, int>.Empty, 0, 0),
        null, null, null);
}
