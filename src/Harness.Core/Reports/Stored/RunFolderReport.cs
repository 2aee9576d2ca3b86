using System.Text.Json;
using Harness.Running;

namespace Harness.Reports.Stored;

/// <summary>Rebuilds a run's <see cref="RunReport"/> from its folder (run.json and every result), for <c>harness report</c>.</summary>
public static class RunFolderReport
{
    public static RunReport Load(string runDirectory, string? datasetPath)
    {
        var results = StoredResults.Load(runDirectory);
        var dataset = DatasetLocator.Load(datasetPath, [runDirectory])
            ?? new Datasets.Dataset(results[0].Metrics.Run.Dataset, results[0].Metrics.Run.DatasetSha256, [], []);
        var runJson = Path.Combine(runDirectory, RunLayout.RunFile);
        var environment = File.Exists(runJson) ? ReadEnvironment(runJson) : null;
        return new RunReport(results[0].Metrics.Run.Id, dataset, [.. results.Select(r => r.ToRunResult())], environment);
    }

    private static RunEnvironment? ReadEnvironment(string runJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(runJson));
            if (!doc.RootElement.TryGetProperty("environment", out var e) || e.ValueKind != JsonValueKind.Object) return null;
            string? S(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new RunEnvironment(
                S("os") ?? "", S("cpu") ?? "", e.TryGetProperty("cpu_cores", out var c) && c.TryGetInt32(out var n) ? n : 0,
                S("gpu"), S("dotnet") ?? "", S("harness_version") ?? "", S("git_commit"));
        }
        catch (JsonException ex)
        {
            throw new InputException($"{runJson}: not valid JSON ({ex.Message.Split(". ")[0]}).", ex);
        }
    }
}
