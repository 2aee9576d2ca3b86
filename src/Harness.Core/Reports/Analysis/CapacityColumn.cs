using System.Collections.Immutable;
using Harness.Formatting;
using Harness.Metrics;
using Harness.Runs;

namespace Harness.Reports.Analysis;

/// <summary>
/// The answer table's two server columns (issue 18): per backend, its capacity at the tail bound
/// and the cost per 1,000 intents at that capacity, from the server scenario's peak finding. The
/// columns exist only when some result ran the server scenario with <c>find_peak</c>; a backend
/// without one shows a dash. One place for the header and cell texts, so the Markdown and HTML
/// tables and summary.json say the same.
/// </summary>
/// <param name="Header">The capacity column's header, e.g. <c>capacity at p99 ≤ 100 ms</c>.</param>
/// <param name="Peaks">Per backend label, its server run's peak finding.</param>
internal sealed record CapacityColumn(string Header, ImmutableDictionary<string, PeakSummary> Peaks)
{
    /// <summary>The cost column's header.</summary>
    public const string CostHeader = "cost at capacity (USD/1k)";

    /// <summary>The columns of a run, or null when no result ran the server scenario with find_peak.</summary>
    public static CapacityColumn? Of(IReadOnlyList<BackendRunResult> results)
    {
        var served = results.Where(r => r.Error is null && r.Metrics.Server?.Peak is not null).ToList();
        if (served.Count == 0) return null;
        var server = served[0].Metrics.Server!;
        var peaks = ImmutableDictionary.CreateBuilder<string, PeakSummary>(StringComparer.Ordinal);
        foreach (var result in served) peaks.TryAdd(result.Label, result.Metrics.Server!.Peak!);
        return new(HeaderFor(server), peaks.ToImmutable());
    }

    /// <summary>The header for a server summary's bound, e.g. <c>capacity at p99 ≤ 100 ms</c>.</summary>
    public static string HeaderFor(ServerSummary server) => $"capacity at p{Fmt.Num(server.Percentile, 3)} ≤ {Fmt.Num(server.LatencyBoundMs, 3)} ms";

    /// <summary>A backend's capacity cell: <c>231/s</c>, <c>≥ 231/s</c> when no probe above was INVALID, <c>none</c> when no rate was VALID, a dash without a peak finding.</summary>
    public string Capacity(string label) => !Peaks.TryGetValue(label, out var peak) ? "–" : Capacity(peak);

    /// <summary>A backend's cost cell: USD per 1,000 intents at its capacity, a dash when there is none.</summary>
    public string Cost(string label) => Peaks.TryGetValue(label, out var peak) && peak.UsdPer1kIntentsAtCapacity is { } usd ? Fmt.Usd(usd) : "–";

    /// <summary>A peak's capacity as a cell text.</summary>
    public static string Capacity(PeakSummary peak) =>
        peak.CapacityQps is { } c ? (peak.Bracketed ? "" : "≥ ") + Fmt.Rate(c) + "/s" : "none";
}
