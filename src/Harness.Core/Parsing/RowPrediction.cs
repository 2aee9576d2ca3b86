using System.Collections.Immutable;
using Harness.Tools;

namespace Harness.Parsing;

/// <summary>The parsed outputs a system gave for one dataset row, one per tool.</summary>
/// <param name="Id">The dataset row id.</param>
/// <param name="Outputs">Parsed output per tool; a tool with no entry counts as "not used" (a missing prediction).</param>
/// <param name="NotUsedProbabilities">The backend's not-used probability per tool, where it gave one (null: none at all).</param>
public sealed record RowPrediction(string Id, ImmutableDictionary<ToolName, ParsedOutput> Outputs,
    ImmutableDictionary<ToolName, double>? NotUsedProbabilities = null)
{
    /// <summary>The parsed output for a tool, or null when there is none.</summary>
    public ParsedOutput? For(ToolName tool) => Outputs.TryGetValue(tool, out var p) ? p : null;

    /// <summary>The backend's probability that <paramref name="tool"/> is not used, or null when it gave none.</summary>
    public double? NotUsedProbability(ToolName tool) => NotUsedProbabilities?.TryGetValue(tool, out var p) == true ? p : null;
}
