using System.Collections.Immutable;
using System.Text.Json;
using Harness.Json;
using Harness.Tools;

namespace Harness.Datasets;

/// <summary>Checks one dataset line against spec §2, adding every problem it finds to <see cref="Problems"/>.</summary>
internal sealed class DatasetRowReader(string path, ImmutableArray<string> filters)
{
    private static readonly HashSet<string> RowFields = ["id", "intent", "repeats", "teacher", "exports"];
    private readonly HashSet<string> _filters = new(filters, StringComparer.Ordinal);
    private readonly Dictionary<string, int> _idLines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _intentLines = new(StringComparer.Ordinal);
    private int _line;

    public List<string> Problems { get; } = [];

    public DatasetRow? Read(string line, int lineNumber)
    {
        _line = lineNumber;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            Problems.Add($"{path}:{lineNumber}: not valid JSON ({JsonErrors.FirstSentence(ex)}); is the line truncated?");
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Add("row", $"expected a JSON object, got {JsonText.Describe(root)}");
                return null;
            }
            var before = Problems.Count;
            // JSON lets a key appear twice and a parser keeps one of them silently; which one the
            // teacher meant is unknowable, so the row is refused before any field is read.
            CheckUniqueKeys(root, "");
            if (Problems.Count > before) return null;
            foreach (var property in root.EnumerateObject())
                if (!RowFields.Contains(property.Name)) Add(property.Name, "unknown field (expected id, intent, repeats, teacher, exports)");
            var id = ReadUniqueString(root, "id", _idLines);
            var intent = ReadUniqueString(root, "intent", _intentLines);
            var repeats = ReadRepeats(root);
            var teacher = ReadTeacher(root);
            var exports = ReadExports(root);
            if (Problems.Count > before) return null;
            return new DatasetRow(id!, intent!, repeats, teacher, exports, lineNumber);
        }
    }

    private void Add(string field, string what) => Problems.Add($"{path}:{_line}: {field}: {what}");

    /// <summary>Adds a problem for each key that appears twice in one object, at any depth, naming its path.</summary>
    private void CheckUniqueKeys(JsonElement element, string field)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray()) CheckUniqueKeys(item, $"{field}[{i++}]");
            return;
        }

        if (element.ValueKind != JsonValueKind.Object) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var name = field.Length == 0 ? property.Name : $"{field}.{property.Name}";
            if (!seen.Add(property.Name)) Add(SafeName.Show(name), "duplicate key; each key may appear once (a parser would silently keep one of them)");
            else CheckUniqueKeys(property.Value, name);
        }
    }

    private string? ReadUniqueString(JsonElement root, string field, Dictionary<string, int> seen)
    {
        if (!root.TryGetProperty(field, out var value)) { Add(field, "missing"); return null; }
        if (value.ValueKind != JsonValueKind.String) { Add(field, $"expected a string, got {JsonText.Describe(value)}"); return null; }
        var text = value.GetString()!;
        if (text.Trim().Length == 0) { Add(field, "must not be empty"); return null; }
        if (seen.TryGetValue(text, out var firstLine)) { Add(field, $"duplicate {field} '{JsonText.Shorten(text)}' (first on line {firstLine})"); return null; }
        seen[text] = _line;
        return text;
    }

    private int ReadRepeats(JsonElement root)
    {
        if (!root.TryGetProperty("repeats", out var value)) { Add("repeats", "missing"); return 0; }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var repeats))
        {
            Add("repeats", $"expected an integer >= 1, got {JsonText.Describe(value)}");
            return 0;
        }
        if (repeats < 1) Add("repeats", $"expected an integer >= 1, got {repeats}");
        return repeats;
    }

    private ImmutableDictionary<ToolName, ToolSetting> ReadTeacher(JsonElement root)
    {
        var settings = ImmutableDictionary.CreateBuilder<ToolName, ToolSetting>();
        if (!root.TryGetProperty("teacher", out var teacher)) { Add("teacher", "missing"); return settings.ToImmutable(); }
        if (teacher.ValueKind != JsonValueKind.Object)
        {
            Add("teacher", $"expected an object with adjust, selective_adjust and filter, got {JsonText.Describe(teacher)}");
            return settings.ToImmutable();
        }
        foreach (var property in teacher.EnumerateObject())
        {
            if (!ToolSchema.TryParse(property.Name, out var tool))
            {
                Add($"teacher.{property.Name}", "unknown tool (expected adjust, selective_adjust or filter)");
                continue;
            }
            if (property.Value.ValueKind == JsonValueKind.Null) continue;
            var setting = new TeacherSettingReader(Add, _filters, $"teacher.{property.Name}").Read(tool, property.Value);
            if (setting is not null) settings[tool] = setting;
        }
        return settings.ToImmutable();
    }

    private ImmutableDictionary<ToolName, int>? ReadExports(JsonElement root)
    {
        if (!root.TryGetProperty("exports", out var exports) || exports.ValueKind == JsonValueKind.Null) return null;
        if (exports.ValueKind != JsonValueKind.Object) { Add("exports", $"expected an object, got {JsonText.Describe(exports)}"); return null; }
        var counts = ImmutableDictionary.CreateBuilder<ToolName, int>();
        foreach (var property in exports.EnumerateObject())
        {
            var field = $"exports.{property.Name}";
            if (!ToolSchema.TryParse(property.Name, out var tool)) { Add(field, "unknown tool (expected adjust, selective_adjust or filter)"); continue; }
            if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt32(out var count) || count < 0)
            {
                Add(field, $"expected an integer >= 0, got {JsonText.Describe(property.Value)}");
                continue;
            }
            counts[tool] = count;
        }
        return counts.ToImmutable();
    }
}
