using System.Text.Json;
using Harness.Backends;
using Harness.Tools;

namespace Harness.Plugins.Shared;

/// <summary>
/// Reads the JSON Lines files plugins serve from (plugins share only Harness.Abstractions
/// with the host, so they parse with System.Text.Json themselves). Problems are
/// <see cref="BackendException"/>s naming the file and line.
/// </summary>
internal static class JsonLines
{
    /// <summary>Each non-blank line's JSON object with its 1-based line number.</summary>
    public static IEnumerable<(int Line, JsonElement Row)> Read(string path)
    {
        if (!File.Exists(path)) throw new BackendException($"{path}: file not found; check the option's path (relative to the config file).");
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            JsonElement row;
            try
            {
                using var doc = JsonDocument.Parse(text);
                row = doc.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new BackendException($"{path}:{number}: not valid JSON ({ex.Message.ReplaceLineEndings(" ")}).");
            }
            if (row.ValueKind != JsonValueKind.Object) throw new BackendException($"{path}:{number}: each line must be a JSON object.");
            yield return (number, row);
        }
    }

    /// <summary>A required string property.</summary>
    public static string String(JsonElement row, string name, string path, int line) =>
        row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new BackendException($"{path}:{line}: field '{name}' must be a string.");

    /// <summary>
    /// The output text of each tool in <paramref name="outputs"/>: a string is served as is,
    /// an object as its compact JSON, null or a missing tool as <c>null</c> (not used).
    /// </summary>
    public static Dictionary<ToolName, string> Outputs(JsonElement outputs, string field, string path, int line)
    {
        if (outputs.ValueKind != JsonValueKind.Object) throw new BackendException($"{path}:{line}: field '{field}' must be an object keyed by tool.");
        var result = new Dictionary<ToolName, string>();
        foreach (var tool in ToolSchema.All)
        {
            result[tool] = !outputs.TryGetProperty(tool.WireName(), out var v) ? "null" : v.ValueKind switch
            {
                JsonValueKind.Null => "null",
                JsonValueKind.String => v.GetString()!,
                JsonValueKind.Object => JsonSerializer.Serialize(v),
                _ => throw new BackendException($"{path}:{line}: {field}.{tool.WireName()} must be an object, a string or null."),
            };
        }
        return result;
    }
}
