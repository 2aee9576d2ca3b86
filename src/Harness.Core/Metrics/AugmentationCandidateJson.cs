using System.Text.Json;
using Harness.Json.Files;
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
        var line = new AugmentationCandidateLineJson
        {
            Id = candidate.Id,
            Intent = candidate.Intent,
            Tool = candidate.Tool.WireName(),
            Reason = candidate.Reason,
            Cosine = candidate.Cosine is { } cosine ? cosine : null,
            Expected = Element(candidate.ExpectedJson),
            Produced = Element(candidate.ProducedJson),
        };
        return JsonSerializer.Serialize(line, OwnedFiles.Line.AugmentationCandidateLineJson);
    }

    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
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
