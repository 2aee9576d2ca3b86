using System.Text.Json;
using Harness.Json;
using Harness.Json.Files;
using Harness.Metrics;

namespace Harness.Runs;

/// <summary>
/// Reads and writes <c>metrics.json</c> in the shape of spec §6: snake_case keys in a
/// fixed order, plain invariant JSON numbers, <c>latency_ms</c>, <c>throughput</c> and
/// <c>cost</c> null when absent, intervals as <c>[lower, upper]</c> (null for an empty subset).
/// After the spec's keys, each tool also carries its confusion counts (<c>tp</c>, <c>fp</c>,
/// <c>fn</c>, <c>tn</c>), <c>parse</c> carries <c>calls</c>, <c>clamped</c> and
/// <c>unknown_keys</c>, and each latency block its sample <c>count</c>, so a file reads back whole.
/// </summary>
public static class MetricsJson
{
    /// <summary>The value of the <c>schema</c> key.</summary>
    public const string Schema = "harness.metrics/v1";

    /// <summary>
    /// Writes <c>metrics.json</c> into a result folder, creating it (UTF-8, no BOM, trailing newline),
    /// and returns its path. The one place the file is written: by the run as each scenario
    /// finishes, by <c>harness score</c>, and by the <c>json</c> report into another folder.
    /// </summary>
    public static string Write(string resultDirectory, EvaluationMetrics metrics)
    {
        Directory.CreateDirectory(resultDirectory);
        var path = Path.Combine(resultDirectory, RunLayout.MetricsFile);
        AtomicFile.WriteAllText(path, Serialize(metrics) + "\n");
        return path;
    }

    /// <summary>The metrics as indented JSON text.</summary>
    public static string Serialize(EvaluationMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return JsonSerializer.Serialize(MetricsJsonReader.ToJson(metrics), OwnedFiles.Indented.MetricsFileJson);
    }

    /// <summary>Reads a metrics file written by <see cref="Write"/>.</summary>
    /// <exception cref="InputException">The file is missing, not JSON, or not of this schema; the message names the file and key.</exception>
    public static EvaluationMetrics Read(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: metrics file not found.");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>
    /// Reads metrics.json text held elsewhere (the run store keeps each file's text);
    /// <paramref name="origin"/> names where it came from in messages.
    /// </summary>
    /// <exception cref="InputException">The text is not JSON or not of this schema.</exception>
    public static EvaluationMetrics Parse(string text, string origin)
    {
        try
        {
            var json = JsonSerializer.Deserialize(text, OwnedFiles.Indented.MetricsFileJson) ?? throw new FormatException("expected an object, got null");
            return MetricsJsonReader.FromJson(json);
        }
        catch (JsonException ex)
        {
            throw new InputException($"{origin}: not valid JSON ({JsonErrors.FirstSentence(ex)}).", ex);
        }
        catch (Exception ex) when (ex is FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InputException($"{origin}: not a {Schema} file: {ex.Message}", ex);
        }
    }
}
