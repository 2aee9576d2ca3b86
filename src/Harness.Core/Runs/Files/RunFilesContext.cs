using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Runs.Files;

/// <summary>
/// The files the harness owns and writes (run.json, metrics.json, summary.json, predictions.jsonl
/// lines, augmentation candidates), serialized by System.Text.Json source generation: snake_case
/// keys in declaration order, invariant numbers, text kept as written (no HTML escaping).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RunFileJson))]
internal sealed partial class RunFilesContext : JsonSerializerContext
{
    /// <summary>Indented, for the files people read (run.json, metrics.json, summary.json).</summary>
    public static RunFilesContext Indented { get; } = new(CreateOptions(indented: true));

    /// <summary>One line per value, for JSON Lines files.</summary>
    public static RunFilesContext Line { get; } = new(CreateOptions(indented: false));

    private static JsonSerializerOptions CreateOptions(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = indented,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
