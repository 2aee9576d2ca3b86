using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Harness.Tools;

namespace Harness.Metrics;

/// <summary>
/// Augmentation candidates as JSON lines:
/// <c>{"id":..,"intent":..,"tool":..,"reason":..,"cosine":..|null,"expected":{..},"produced":{..}}</c>.
/// </summary>
public static class AugmentationCandidateJson
{
    /// <summary>One candidate as one line of JSON (no newline).</summary>
    public static string Serialize(AugmentationCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("id", candidate.Id);
            w.WriteString("intent", candidate.Intent);
            w.WriteString("tool", candidate.Tool.WireName());
            w.WriteString("reason", candidate.Reason);
            if (candidate.Cosine is { } cosine) w.WriteNumber("cosine", cosine);
            else w.WriteNull("cosine");
            w.WritePropertyName("expected");
            w.WriteRawValue(candidate.ExpectedJson);
            w.WritePropertyName("produced");
            w.WriteRawValue(candidate.ProducedJson);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes candidates to a JSONL file, replacing it.</summary>
    public static void WriteAll(string path, IEnumerable<AugmentationCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        AtomicFile.WriteAllText(path, string.Concat(candidates.Select(c => Serialize(c) + "\n")));
    }
}
