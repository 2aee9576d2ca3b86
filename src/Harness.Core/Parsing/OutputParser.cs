using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Harness.Json;
using Harness.Tools;

namespace Harness.Parsing;

/// <summary>
/// Turns a student's raw output for one tool into a setting (spec §3).
/// <list type="number">
/// <item>Trim; strip a surrounding Markdown code fence (<c>```</c> or <c>```json</c>).</item>
/// <item>Empty, <c>null</c>, <c>none</c> (any case) or an empty object: not used, no failure.</item>
/// <item>Otherwise a JSON object of the tool's shape. Missing parameters are 0, unknown keys
/// are ignored and counted, numbers out of range are clamped and counted.</item>
/// <item>Not JSON: <c>invalid_json</c>. JSON that is not an object, a colour that is not an object,
/// or a filter with no <c>name</c>: <c>wrong_shape</c>. A parameter that is not a JSON number
/// (numeric strings such as <c>"10"</c> included; models that quote numbers are wrong) or a filter
/// name that is not a non-empty string: <c>bad_value</c>. Text that is not well-formed Unicode, a lone
/// UTF-16 surrogate raw or escaped (<c>\ud800</c>) anywhere in it: <c>invalid_text</c>.</item>
/// </list>
/// A filter name that is not in the catalogue still counts as used (the tool was selected);
/// its name accuracy is simply 0. Every failure counts as not used.
/// </summary>
public sealed class OutputParser
{
    private readonly ImmutableHashSet<string> _catalogue;

    /// <param name="filterCatalog">The filter names of the dataset (ordinal).</param>
    public OutputParser(IEnumerable<string> filterCatalog)
    {
        ArgumentNullException.ThrowIfNull(filterCatalog);
        _catalogue = filterCatalog.ToImmutableHashSet(StringComparer.Ordinal);
    }

    /// <summary>True when a filter name is in the catalogue (ordinal, after trimming).</summary>
    public bool IsInCatalogue(string name) => _catalogue.Contains(name.Trim());

    /// <summary>Parses one raw output text; null counts as empty (not used). Never throws on any text.</summary>
    public ParsedOutput Parse(ToolName tool, string? raw)
    {
        var text = StripFence(raw?.Trim() ?? string.Empty);
        if (IsNotUsed(text)) return new ParsedOutput(tool, null);
        // A lone surrogate cannot even be handed to the JSON reader (it throws ArgumentException).
        var lone = JsonStrings.IndexOfLoneSurrogate(text);
        if (lone >= 0)
            return Failure(tool, ParseFailureKind.InvalidText, string.Create(CultureInfo.InvariantCulture, $"a lone UTF-16 surrogate U+{(int)text[lone]:X4} at character {lone}"));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            return Failure(tool, ParseFailureKind.InvalidJson, JsonErrors.FirstSentence(ex));
        }
        using (document)
            return ParseParsedText(tool, document.RootElement);
    }

    /// <summary>
    /// Parses an output given as JSON (a predictions file may hold objects): null is not used, a string
    /// is parsed as raw text (exactly, lone surrogates included). Never throws on any value.
    /// </summary>
    public ParsedOutput ParseJson(ToolName tool, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => new ParsedOutput(tool, null),
        JsonValueKind.String => Parse(tool, JsonStrings.GetExact(value)),
        _ => ParseParsedText(tool, value),
    };

    // Raw text that is a JSON string is a wrong shape, not text to decode again.
    private static ParsedOutput ParseParsedText(ToolName tool, JsonElement value)
    {
        if (!JsonStrings.Decodes(value)) return Failure(tool, ParseFailureKind.InvalidText, "a JSON string or key holds an escaped lone UTF-16 surrogate (\\uD800-\\uDFFF)");
        return value.ValueKind == JsonValueKind.Object
            ? new SettingReader(tool).Read(value)
            : Failure(tool, ParseFailureKind.WrongShape, $"expected a JSON object, got {DescribeKind(value)}");
    }

    internal static ParsedOutput Failure(ToolName tool, ParseFailureKind kind, string detail) => new(tool, null, kind, detail);

    internal static string DescribeKind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };

    private static bool IsNotUsed(string text) =>
        text.Length == 0
        || text.Equals("null", StringComparison.OrdinalIgnoreCase)
        || text.Equals("none", StringComparison.OrdinalIgnoreCase)
        || text == "{}";

    /// <summary>Removes <c>```lang ... ```</c> around the text, if both fences are there (or only the opening one).</summary>
    internal static string StripFence(string text)
    {
        if (!text.StartsWith("```", StringComparison.Ordinal)) return text;
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0)
        {
            // One-line fence: ```{...}``` or ```json {...}```.
            var inner = text.Trim('`').Trim();
            if (inner.StartsWith("json", StringComparison.OrdinalIgnoreCase)) inner = inner[4..];
            return inner.Trim();
        }
        var body = text[(newline + 1)..].TrimEnd();
        if (body.EndsWith("```", StringComparison.Ordinal)) body = body[..^3];
        return body.Trim();
    }
}
