using System.Collections.Immutable;
using Harness.Tools;

namespace Harness.Parsing;

/// <summary>The parsed outputs a system gave for one dataset row, one per tool.</summary>
/// <param name="Id">The dataset row id.</param>
/// <param name="Outputs">Parsed output per tool; a tool with no entry counts as "not used" (a missing prediction).</param>
public sealed record RowPrediction(string Id, ImmutableDictionary<ToolName, ParsedOutput> Outputs)
{
    /// <summary>The parsed output for a tool, or null when there is none.</summary>
    public ParsedOutput? For(ToolName tool) => Outputs.TryGetValue(tool, out var p) ? p : null;
}
