using System.Collections.Immutable;
using Harness.Parsing;
using Harness.Tools;

namespace Harness.Metrics;

/// <summary>Counts parse failures by kind and by tool, clamped values and unknown keys (spec §3, §6).</summary>
public static class ParseSummaryBuilder
{
    /// <summary>
    /// Summarises parsed outputs. Every kind and every tool appears as a key (0 when none),
    /// so metrics.json keys are stable.
    /// </summary>
    public static ParseSummary From(IEnumerable<ParsedOutput> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var byKind = ParseFailureKinds.All.ToDictionary(k => k.WireName(), _ => 0);
        var byTool = ToolSchema.All.ToDictionary(t => t.WireName(), _ => 0);
        int calls = 0, failures = 0, clamped = 0, unknown = 0;
        foreach (var output in outputs)
        {
            calls++;
            clamped += output.ClampedCount;
            unknown += output.UnknownKeyCount;
            if (output.Failure is not { } kind) continue;
            failures++;
            byKind[kind.WireName()]++;
            byTool[output.Tool.WireName()]++;
        }
        return new ParseSummary(
            calls, failures,
            byKind.ToImmutableSortedDictionary(StringComparer.Ordinal),
            byTool.ToImmutableSortedDictionary(StringComparer.Ordinal),
            clamped, unknown);
    }
}
