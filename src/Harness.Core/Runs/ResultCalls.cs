using System.Collections.Immutable;
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
}
