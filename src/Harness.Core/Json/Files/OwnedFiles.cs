using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Json.Files;

/// <summary>
/// The files the harness owns and writes — run.json, metrics.json, summary.json, the lines of
/// predictions.jsonl and of augmentation candidates — as DTOs serialized by System.Text.Json source
/// generation: snake_case keys in declaration order, numbers as plain invariant JSON numbers
/// (shortest round-trip form, as <see cref="Utf8JsonWriter"/> writes a double), text unescaped
/// beyond what JSON needs, <c>\n</c> line ends. The domain types map to and from these in the
/// folder that owns each file (Runs, Reports, Metrics).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RunFileJson))]
[JsonSerializable(typeof(MetricsFileJson))]
[JsonSerializable(typeof(SummaryFileJson))]
[JsonSerializable(typeof(CallRecordLineJson))]
[JsonSerializable(typeof(AugmentationCandidateLineJson))]
[JsonSerializable(typeof(GalleryFileJson))]
internal sealed partial class OwnedFiles : JsonSerializerContext
{
    /// <summary>Indented, for the files people read (run.json, metrics.json, summary.json).</summary>
    public static OwnedFiles Indented { get; } = new(CreateOptions(indented: true));

    /// <summary>One value per line, for JSON Lines files.</summary>
    public static OwnedFiles Line { get; } = new(CreateOptions(indented: false));

    private static JsonSerializerOptions CreateOptions(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = indented,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
