using System.Collections.Immutable;
using System.Text.Json;
using Harness.Datasets;
using Harness.Json;
using Harness.Parsing;
using Harness.Tools;

namespace Harness.Runs;

/// <summary>
/// Reads a predictions file: one JSON object per intent,
/// <c>{"id":"test-00001","outputs":{"adjust":"&lt;raw text&gt;","selective_adjust":{...},"filter":null}}</c>.
/// An output may be raw text, a JSON object or null; a tool left out counts as null (not used).
/// Ids not in the dataset are an input error (the usual cause: a predictions file for another split).
/// An output holding a lone UTF-16 surrogate (escaped, <c>\ud800</c>) is kept exactly as its raw text
/// and parses as <c>invalid_text</c>; such a surrogate in a key of the line or of <c>outputs</c> is an input error.
/// </summary>
public static class PredictionsFileReader
{
    /// <summary>The scenario name call records of a scored file carry.</summary>
    public const string Scenario = "score";

    private const string BadKey = "a key holds an escaped lone UTF-16 surrogate (\\uD800-\\uDFFF), which is not text";

    /// <exception cref="InputException">The file is missing or empty, a line is bad, or ids are not in the dataset.</exception>
    public static PredictionsFile Read(string path, Dataset dataset, OutputParser parser)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(parser);
        if (!File.Exists(path)) throw new InputException($"{path}: predictions file not found; check the path.");
        var known = dataset.Rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var predictions = ImmutableDictionary.CreateBuilder<string, RowPrediction>(StringComparer.Ordinal);
        var calls = ImmutableArray.CreateBuilder<CallRecord>();
        (int Line, string Id)? firstForeign = null;
        var foreign = 0;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            void Problem(string field, string what) => problems.Add($"{path}:{lineNumber}: {field}: {what}");
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                problems.Add($"{path}:{lineNumber}: not valid JSON ({JsonErrors.FirstSentence(ex)}); is the line truncated?");
                continue;
            }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) { Problem("line", $"expected a JSON object, got {OutputParser.DescribeKind(root)}"); continue; }
                if (!JsonStrings.NamesDecode(root)) { Problem("line", BadKey); continue; }
                if (!root.TryGetProperty("id", out var idValue) || idValue.ValueKind != JsonValueKind.String) { Problem("id", "missing or not a string"); continue; }
                var id = JsonStrings.GetExact(idValue)!;
                if (!known.Contains(id))
                {
                    foreign++;
                    firstForeign ??= (lineNumber, id);
                    continue;
                }
                if (seen.TryGetValue(id, out var firstLine)) { Problem("id", $"duplicate id '{id}' (first on line {firstLine})"); continue; }
                seen[id] = lineNumber;
                if (!root.TryGetProperty("outputs", out var outputs) || outputs.ValueKind != JsonValueKind.Object)
                {
                    Problem("outputs", "missing or not an object of tool outputs (adjust, selective_adjust, filter)");
                    continue;
                }
                if (!JsonStrings.NamesDecode(outputs)) { Problem("outputs", BadKey); continue; }
                var unknownTool = outputs.EnumerateObject().FirstOrDefault(p => !ToolSchema.TryParse(p.Name, out _));
                if (unknownTool.Value.ValueKind != JsonValueKind.Undefined) { Problem($"outputs.{unknownTool.Name}", "unknown tool (expected adjust, selective_adjust or filter)"); continue; }
                var parsed = ImmutableDictionary.CreateBuilder<ToolName, ParsedOutput>();
                foreach (var tool in ToolSchema.All)
                {
                    var value = outputs.TryGetProperty(tool.WireName(), out var v) ? v : default;
                    var output = parser.ParseJson(tool, value);
                    var raw = value.ValueKind switch
                    {
                        JsonValueKind.String => JsonStrings.GetExact(value),
                        JsonValueKind.Null or JsonValueKind.Undefined => null,
                        _ => value.GetRawText(),
                    };
                    parsed[tool] = output;
                    calls.Add(new CallRecord(id, tool, Scenario, raw, output, null, 0, 0, null));
                }
                predictions[id] = new RowPrediction(id, parsed.ToImmutable());
            }
        }
        if (firstForeign is { } f)
        {
            var more = foreign > 1 ? $" (nor are {foreign - 1} more ids)" : "";
            problems.Insert(0, $"{path}:{f.Line}: id: '{f.Id}' is not in {dataset.Name}{more}; is this a predictions file for another dataset?");
        }
        if (problems.Count > 0) throw new InputException(problems);
        if (predictions.Count == 0) throw new InputException($"{path}: the file is empty; expected one JSON line per intent, {{\"id\":..,\"outputs\":{{\"adjust\":..,\"selective_adjust\":..,\"filter\":..}}}}.");
        var missing = dataset.Rows.Where(r => !predictions.ContainsKey(r.Id)).Select(r => r.Id).ToImmutableArray();
        return new PredictionsFile(path, predictions.ToImmutable(), calls.ToImmutable(), missing);
    }
}
