using Harness.Parsing;
using Harness.Tools;

namespace Harness.Running;

/// <summary>One tool call of <c>harness try</c>: the raw output and the parse verdict a run would record for it.</summary>
/// <param name="Tool">The tool asked for.</param>
/// <param name="Text">The raw output, or null when the call failed.</param>
/// <param name="Parsed">The parser's verdict (<see cref="OutputParser"/>; <c>backend_error</c> for a failed call), as the evaluation scores it.</param>
/// <param name="Verdict">The verdict in words: <c>used</c>, <c>not used</c>, or the failure kind and detail, with clamped values, ignored keys and a filter outside the catalogue.</param>
public sealed record TriedCall(ToolName Tool, string? Text, ParsedOutput Parsed, string Verdict)
{
    /// <summary>The verdict in words; <paramref name="parser"/> knows the catalogue and <paramref name="looks"/> the filters that can be rendered.</summary>
    internal static string Describe(ParsedOutput parsed, OutputParser parser, IReadOnlySet<string> looks)
    {
        if (parsed.Failure is { } kind) return $"{kind.WireName()} (counts as not used): {parsed.FailureDetail}";
        if (!parsed.Used) return "not used";
        var notes = new List<string>();
        if (parsed.ClampedCount > 0) notes.Add($"{parsed.ClampedCount} value{(parsed.ClampedCount == 1 ? "" : "s")} out of range, clamped");
        if (parsed.UnknownKeyCount > 0) notes.Add($"{parsed.UnknownKeyCount} unknown key{(parsed.UnknownKeyCount == 1 ? "" : "s")} ignored");
        if (parsed.Setting is FilterSetting filter)
        {
            if (!parser.IsInCatalogue(filter.Name)) notes.Add($"filter '{filter.Name}' is not in the catalogue (name accuracy 0)");
            if (!looks.Contains(filter.Name)) notes.Add("no LUT for it, not rendered");
        }
        return notes.Count == 0 ? "used" : $"used ({string.Join("; ", notes)})";
    }
}
