using System.Collections.Immutable;
using System.Text.Json;

namespace Harness.Annotation;

/// <summary>One annotator's answers file, as the study page saves it (<c>harness.annotations/v1</c>).</summary>
public sealed record AnnotationAnswers(string Path, string RunId, int Seed, int Sample, ImmutableArray<string> Backends, string Fingerprint, string Annotator, ImmutableArray<AnnotationAnswer> Answers)
{
    /// <summary>The values a question's answer may take; null is "not answered".</summary>
    public static readonly IReadOnlySet<string> Values = new HashSet<string>(StringComparer.Ordinal) { "yes", "no", "cant_tell" };

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    /// <exception cref="InputException">Not readable, not JSON, or a field missing or of the wrong kind (named).</exception>
    public static AnnotationAnswers Load(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the answers file: {ex.Message}");
        }
        catch (JsonException ex)
        {
            throw new InputException($"{path}: not JSON ({ex.Message}); give the file the study page saved.");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InputException($"{path}: expected a JSON object, the file the study page saved.");
            if (Text(root, "schema", path) != "harness.annotations/v1") throw new InputException($"{path}: schema: expected \"harness.annotations/v1\".");
            var answers = Field(root, "answers", JsonValueKind.Array, path).EnumerateArray().Select((a, i) =>
            {
                var at = $"answers[{i}]";
                if (a.ValueKind != JsonValueKind.Object) throw new InputException($"{path}: {at}: expected an object.");
                return new AnnotationAnswer(Text(a, "intent_id", path, at), Text(a, "label", path, at), Answer(a, "relevant", path, at), Answer(a, "mimics", path, at));
            });
            return new AnnotationAnswers(
                path, Text(root, "run_id", path), Int(root, "seed", path), Int(root, "sample", path),
                [.. Field(root, "backends", JsonValueKind.Array, path).EnumerateArray().Select((b, i) => b.ValueKind == JsonValueKind.String ? b.GetString()! : throw new InputException($"{path}: backends[{i}]: expected a label."))],
                Text(root, "fingerprint", path), Text(root, "annotator", path), [.. answers]);
        }
    }

    private static JsonElement Field(JsonElement element, string name, JsonValueKind kind, string path, string? at = null)
    {
        var where = at is null ? name : $"{at}.{name}";
        if (!element.TryGetProperty(name, out var value)) throw new InputException($"{path}: {where}: missing.");
        if (value.ValueKind != kind) throw new InputException($"{path}: {where}: expected {(kind == JsonValueKind.Number ? "a number" : kind == JsonValueKind.Array ? "an array" : "a string")}.");
        return value;
    }

    private static string Text(JsonElement element, string name, string path, string? at = null) => Field(element, name, JsonValueKind.String, path, at).GetString()!;

    private static int Int(JsonElement element, string name, string path) =>
        Field(element, name, JsonValueKind.Number, path).TryGetInt32(out var value) ? value : throw new InputException($"{path}: {name}: expected a whole number.");

    private static string? Answer(JsonElement element, string name, string path, string at)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return text is not null && Values.Contains(text) ? text : throw new InputException($"{path}: {at}.{name}: expected \"yes\", \"no\", \"cant_tell\" or null.");
    }
}

/// <summary>One blind label's two answers for one intent; null where not answered.</summary>
public sealed record AnnotationAnswer(string IntentId, string Label, string? Relevant, string? Mimics);
