using System.Collections.Immutable;

namespace Harness.Runs;

/// <summary>
/// Reads results back from the folders the harness writes (see <see cref="RunLayout"/>): a
/// result folder (metrics.json directly, as <c>harness score</c> or one scenario writes it), a
/// backend folder (<c>&lt;run&gt;/&lt;label&gt;</c>, one subfolder per scenario) or a whole run folder.
/// </summary>
public static class StoredResults
{
    /// <summary>Every result under <paramref name="path"/>: labels in name order, single-stream first within a label.</summary>
    public static ImmutableArray<StoredResult> Load(string path)
    {
        if (!System.IO.Directory.Exists(path))
            throw new InputException($"{path}: folder not found; pass a result folder (with metrics.json), a backend folder <run>/<label> or a run folder.");
        var full = Path.GetFullPath(path);
        if (File.Exists(Path.Combine(full, RunLayout.MetricsFile)))
            return [Read(full, null)];

        var backend = Scenarios(full).Select(dir => Read(dir, Path.GetFileName(full))).ToList();
        if (backend.Count > 0) return Order(backend);

        var run = SubFolders(full).SelectMany(label => Scenarios(label).Select(dir => Read(dir, Path.GetFileName(label)))).ToList();
        if (run.Count > 0) return Order(run);

        throw new InputException($"{path}: no {RunLayout.MetricsFile} here, in scenario folders or in <label>/<scenario> folders; pass a result, backend or run folder.");
    }

    /// <summary>
    /// Reads one result folder; <paramref name="label"/> null takes it from the folder names. The
    /// label, and the run id and scenario metrics.json holds, must be <see cref="SafeName"/>s: reports
    /// make folders of them, and a crafted run folder must not make the harness write outside it.
    /// </summary>
    public static StoredResult Read(string directory, string? label)
    {
        if (label is not null) SafeName.Check(label, $"{directory}: backend label");
        var metricsFile = Path.Combine(directory, RunLayout.MetricsFile);
        var metrics = MetricsJson.Read(metricsFile);
        SafeName.Check(metrics.Run.Id, $"{metricsFile}: run.id");
        SafeName.Check(metrics.Run.Scenario, $"{metricsFile}: run.scenario");
        var predictions = Path.Combine(directory, RunLayout.PredictionsFile);
        var calls = File.Exists(predictions) ? CallRecordJson.ReadAll(predictions) : [];
        var name = Path.GetFileName(directory);
        label ??= SafeName.Check(name == metrics.Run.Scenario ? Path.GetFileName(Path.GetDirectoryName(directory)) ?? name : name, $"{directory}: backend label");
        return new StoredResult(directory, label, metrics, calls);
    }

    private static IEnumerable<string> Scenarios(string folder) =>
        SubFolders(folder).Where(dir => File.Exists(Path.Combine(dir, RunLayout.MetricsFile)));

    private static IEnumerable<string> SubFolders(string folder) =>
        System.IO.Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal);

    private static ImmutableArray<StoredResult> Order(IEnumerable<StoredResult> results) =>
        [.. results.OrderBy(r => r.Label, StringComparer.Ordinal).ThenBy(r => r.Scenario == ScenarioNames.SingleStream ? 0 : 1).ThenBy(r => r.Scenario, StringComparer.Ordinal)];
}
