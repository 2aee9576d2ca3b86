using System.Text.Json;
using Harness.Json;

namespace Harness.Metrics;

/// <summary>
/// Reads what <c>harness mistakes</c> writes (<see cref="AugmentationCandidateJson"/>): of each line
/// only <c>id</c> and <c>intent</c>. A row wrong for several tools is on several lines and counts once.
/// </summary>
public static class MistakesFileReader
{
    /// <exception cref="InputException">The file is missing or empty, or a line is bad (every problem, <c>FILE:LINE: field: what</c>).</exception>
    public static MistakesFile Read(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: mistakes file not found; write one with 'harness mistakes'.");
        var problems = new List<string>();
        var rows = new Dictionary<string, MistakenRow>(StringComparer.Ordinal);
        var mistakes = 0;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            mistakes++;
            void Problem(string field, string what) => problems.Add($"{path}:{lineNumber}: {field}: {what}");
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                Problem("line", "not valid JSON; expected one object per line as 'harness mistakes' writes them");
                continue;
            }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) { Problem("line", $"expected a JSON object, got {JsonText.Describe(root)}"); continue; }
                var id = StringField(root, "id", Problem);
                var intent = StringField(root, "intent", Problem);
                if (id is null || intent is null) continue;
                if (!rows.TryGetValue(id, out var first)) rows[id] = new MistakenRow(id, intent, lineNumber);
                else if (first.Intent != intent) Problem("intent", $"'{JsonText.Shorten(intent)}' differs from the intent of {id} on line {first.Line}");
            }
        }
        if (problems.Count > 0) throw new InputException(problems);
        if (mistakes == 0) throw new InputException($"{path}: the file lists no mistakes; there is nothing to augment.");
        return new MistakesFile(path, mistakes, [.. rows.Values.OrderBy(r => r.Line)]);
    }

    private static string? StringField(JsonElement root, string field, Action<string, string> problem)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String || value.GetString()!.Trim().Length == 0)
        {
            problem(field, value.ValueKind == JsonValueKind.Undefined ? "missing" : $"expected a non-empty string, got {JsonText.Describe(value)}");
            return null;
        }
        return value.GetString();
    }
}
