using System.Collections.Immutable;
using Harness.Parsing;
using Harness.Tools;

namespace Harness.Runs;

/// <summary>
/// The call that stands for each (row, tool) of one result: the last finished call,
/// a non-warm-up call winning over a warm-up one (a resumed run may hold both).
/// </summary>
internal static class ResultCalls
{
    public static ImmutableDictionary<(string Id, ToolName Tool), CallRecord> ByRowAndTool(IEnumerable<CallRecord> calls)
    {
        var map = new Dictionary<(string, ToolName), CallRecord>();
        foreach (var call in calls)
        {
            var key = (call.IntentId, call.Tool);
            if (!map.TryGetValue(key, out var kept) || kept.Warmup || !call.Warmup)
                map[key] = call;
        }

        return map.ToImmutableDictionary();
    }

    /// <summary>The parsed prediction per row id, from the call standing for each row and tool.</summary>
    public static ImmutableDictionary<string, RowPrediction> Predictions(IEnumerable<CallRecord> calls) =>
        ByRowAndTool(calls)
            .GroupBy(kv => kv.Key.Id, StringComparer.Ordinal)
            .ToImmutableDictionary(
                g => g.Key,
                g => new RowPrediction(g.Key, g.ToImmutableDictionary(kv => kv.Key.Tool, kv => kv.Value.Parsed)),
                StringComparer.Ordinal);
}
