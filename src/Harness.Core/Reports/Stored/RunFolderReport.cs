using System.Collections.Immutable;
using System.Text.Json;
using Harness.Datasets;
using Harness.Metrics;
using Harness.Running;
using Harness.Tools;

namespace Harness.Reports.Stored;

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
        using var doc = File.Exists(runJson) ? Parse(runJson) : null;
        var root = doc?.RootElement;
        var backends = root is { } r && r.TryGetProperty("backends", out var b) && b.ValueKind == JsonValueKind.Object ? b.EnumerateObject().ToList() : [];
        var failed = backends.Where(e => S(e.Value, "error") is not null).ToList();
        // A failed backend becomes a result with its label, and the json writer makes a folder of it.
        foreach (var backend in failed)
            SafeName.Check(backend.Name, $"{runJson}: backends");

        var runResults = results.Select(s => s.ToRunResult()).ToList();
        var first = results[0].Metrics.Run;
        foreach (var backend in failed.Where(f => runResults.All(x => x.Label != f.Name)))
            runResults.Add(new BackendRunResult(backend.Name, Empty(first with { Backend = S(backend.Value, "plugin") ?? "", Model = S(backend.Value, "model") ?? "" }), [], S(backend.Value, "error")));
        // Config order (run.json lists the backends as the config did), then any others by name.
        var order = backends.Select((e, i) => (e.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var ordered = runResults.Select((x, i) => (x, i)).OrderBy(p => order.GetValueOrDefault(p.x.Label, order.Count)).ThenBy(p => p.i).Select(p => p.x);
        return new RunReport(first.Id, dataset, [.. ordered], root is { } e ? Environment(e) : null,
            Floor: root is { } f ? S(f, "floor") : null, Ceiling: root is { } c ? S(c, "ceiling") : null, Teacher: root is { } t ? S(t, "teacher") : null);
    }

    private static JsonDocument Parse(string runJson)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(runJson));
        }
        catch (JsonException ex)
        {
            throw new InputException($"{runJson}: not valid JSON ({ex.Message.Split(". ")[0]}).", ex);
        }
    }

    private static RunEnvironment? Environment(JsonElement root)
    {
        if (!root.TryGetProperty("environment", out var e) || e.ValueKind != JsonValueKind.Object) return null;
        return new RunEnvironment(
            S(e, "os") ?? "", S(e, "cpu") ?? "", e.TryGetProperty("cpu_cores", out var c) && c.TryGetInt32(out var n) ? n : 0,
            S(e, "gpu"), S(e, "dotnet") ?? "", S(e, "harness_version") ?? "", S(e, "git_commit"));
    }

    private static EvaluationMetrics Empty(RunIdentity run) => new(
        run,
        [.. Subsets.All.Select(s => new SubsetMetrics(s.Name, 0, [.. ToolSchema.All.Select(t => new ToolMetrics(t, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, new Interval(0, 0), null))], 0, null))],
        new ParseSummary(0, 0, ImmutableSortedDictionary<string, int>.Empty, ImmutableSortedDictionary<string, int>.Empty, 0, 0),
        null, null, null);

    private static string? S(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
