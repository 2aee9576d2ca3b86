using System.Text;
using Harness.Formatting;
using Harness.Runs;
using Harness.Tools;
using static Harness.Reports.Html.HtmlText;

namespace Harness.Reports.Html;

/// <summary>Latency, throughput, cost and parse-failure tables.</summary>
internal static class RunTables
{
    public static string Latency(IReadOnlyList<BackendRunResult> results, Baselines baselines)
    {
        var html = new StringBuilder("<table><thead><tr><th>Backend</th><th>Scenario</th><th class=\"num\">intents</th><th class=\"num\">p50</th><th class=\"num\">p90</th><th class=\"num\">p95</th><th class=\"num\">p99</th><th class=\"num\">mean</th><th class=\"num\">max</th><th class=\"num\">per call p95</th><th class=\"num\">intents/s</th><th class=\"num\">tokens/s</th></tr></thead><tbody>");
        foreach (var r in results.Where(r => r.Error is null))
        {
            html.Append($"<tr>{ScoreTables.BackendCell(r, baselines)}<td>{E(r.Metrics.Run.Scenario)}</td>");
            if (r.Metrics.Latency is { } l)
            {
                var p = l.PerIntent;
                html.Append($"<td class=\"num\">{Fmt.Int(p.Count)}</td>{Ms(p.P50)}{Ms(p.P90)}{Ms(p.P95)}{Ms(p.P99)}{Ms(p.Mean)}{Ms(p.Max)}{Ms(l.PerCall.P95)}");
            }
            else
            {
                html.Append("<td colspan=\"8\" class=\"muted\">not measured (scored predictions)</td>");
            }

            var t = r.Metrics.Throughput;
            html.Append(t is null ? "<td class=\"num\">–</td><td class=\"num\">–</td>" : $"<td class=\"num\">{Fmt.Rate(t.IntentsPerSecond)}</td><td class=\"num\">{Fmt.Rate(t.OutputTokensPerSecond)}</td>");
            html.Append("</tr>");
        }

        return html.Append("</tbody></table><p class=\"note\">Milliseconds per intent (all three tool calls), warm-up excluded.</p>").ToString();
    }

    /// <summary>The server scenario's rows (LoadGen's summary), or nothing when no result ran it.</summary>
    public static string Server(IReadOnlyList<BackendRunResult> results, Baselines baselines)
    {
        var served = results.Where(r => r.Metrics.Server is not null && r.Metrics.Latency is not null).ToList();
        if (served.Count == 0) return "";
        var html = new StringBuilder("<h3>server</h3><table><thead><tr><th>Backend</th><th class=\"num\">offered/s</th><th class=\"num\">achieved/s</th><th class=\"num\">p50</th><th class=\"num\">p90</th><th class=\"num\">p99</th><th class=\"num\">p99.9</th><th class=\"num\">max</th><th class=\"num\">bound</th><th class=\"num\">over bound</th><th>verdict</th></tr></thead><tbody>");
        foreach (var r in served)
        {
            var (s, p) = (r.Metrics.Server!, r.Metrics.Latency!.PerIntent);
            html.Append($"<tr>{ScoreTables.BackendCell(r, baselines)}<td class=\"num\">{Fmt.Rate(s.OfferedQps)}</td><td class=\"num\">{Fmt.Rate(s.AchievedQps)}</td>{Ms(p.P50)}{Ms(p.P90)}{Ms(p.P99)}{Ms(s.P999Ms)}{Ms(p.Max)}");
            html.Append($"<td class=\"num\">p{Fmt.Num(s.Percentile, 3)} ≤ {Fmt.Ms(s.LatencyBoundMs)}</td><td class=\"num\">{Fmt.Percent(s.OverBoundShare)}</td><td class=\"{(s.Valid ? "" : "warn")}\">{(s.Valid ? "VALID" : "INVALID")}: {E(s.Reason)}</td></tr>");
        }

        html.Append("</tbody></table>");
        var peaks = served.Where(r => r.Metrics.Server!.Peak is not null).ToList();
        if (peaks.Count > 0)
        {
            html.Append(CapacityChart.Render(peaks));
            html.Append("<table><thead><tr><th>Backend</th><th class=\"num\">capacity at bound</th><th class=\"num\">USD per 1,000 intents at capacity</th><th>probes (target/s: tail ms)</th></tr></thead><tbody>");
            foreach (var r in peaks)
            {
                var (s, peak) = (r.Metrics.Server!, r.Metrics.Server!.Peak!);
                var probes = string.Join(", ", peak.Probes.Select(p => $"{Fmt.Rate(p.TargetQps)}: {Fmt.Ms(p.PercentileMs)}{(p.PercentileCi95Ms is { } ci ? $" [{Fmt.Ms(ci.Lower)}–{Fmt.Ms(ci.Upper)}]" : "")}{(p.Valid ? "" : " ✗")}"));
                html.Append($"<tr>{ScoreTables.BackendCell(r, baselines)}<td class=\"num\">{(peak.CapacityQps is { } c ? (peak.Bracketed ? "" : "≥ ") + Fmt.Rate(c) + "/s" : "none")}</td><td class=\"num\">{(peak.UsdPer1kIntentsAtCapacity is { } u ? Fmt.Usd(u) : "–")}</td><td>{E(probes)}</td></tr>");
            }
            html.Append("</tbody></table>");
        }

        return html.Append("<p class=\"note\">Open loop: intents arrive at seeded Poisson times and are issued when they arrive; latency runs from arrival to the third tool output, queueing included. A resumed run times the whole schedule again. Capacity: the highest rate whose run was VALID (a coarse ramp, then bisection; ✗ marks an INVALID probe; in brackets the tail's 95% interval from the order statistics, drawn as a bar in the chart); cost at capacity: hardware price per hour ÷ (capacity × 3,600) × 1,000.</p>").ToString();
    }

    public static string Cost(IReadOnlyList<BackendRunResult> results, Baselines baselines)
    {
        var html = new StringBuilder("<table><thead><tr><th>Backend</th><th>Scenario</th><th class=\"num\">USD per 1,000 intents</th><th>Basis</th></tr></thead><tbody>");
        foreach (var r in results.Where(r => r.Error is null))
        {
            var c = r.Metrics.Cost;
            html.Append($"<tr>{ScoreTables.BackendCell(r, baselines)}<td>{E(r.Metrics.Run.Scenario)}</td>");
            html.Append(c is null ? "<td class=\"num\">–</td><td class=\"muted\">not measured</td>" : $"<td class=\"num\">{Fmt.Usd(c.UsdPer1kIntents)}</td><td>{E(c.Basis)}</td>");
            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    public static string Parse(IReadOnlyList<BackendRunResult> results, Baselines baselines)
    {
        var ok = results.Where(r => r.Error is null).ToList();
        var kinds = ok.SelectMany(r => r.Metrics.Parse.ByKind.Where(k => k.Value > 0).Select(k => k.Key)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var html = new StringBuilder("<div class=\"scroll\"><table><thead><tr><th>Backend</th><th>Scenario</th><th class=\"num\">calls</th><th class=\"num\">failures</th><th class=\"num\">rate</th>");
        foreach (var kind in kinds) html.Append($"<th class=\"num\">{E(kind)}</th>");
        foreach (var tool in ToolSchema.All) html.Append($"<th class=\"num {ScoreTables.Css(tool)}\">{tool.WireName()}</th>");
        html.Append("<th class=\"num\">clamped</th><th class=\"num\">unknown keys</th></tr></thead><tbody>");
        foreach (var r in ok)
        {
            var p = r.Metrics.Parse;
            html.Append($"<tr>{ScoreTables.BackendCell(r, baselines)}<td>{E(r.Metrics.Run.Scenario)}</td><td class=\"num\">{Fmt.Int(p.Calls)}</td><td class=\"num\">{Fmt.Int(p.Failures)}</td><td class=\"num{(p.Failures > 0 ? " warn" : "")}\">{Fmt.Percent(p.Rate)}</td>");
            foreach (var kind in kinds) html.Append($"<td class=\"num\">{Fmt.Int(p.ByKind.GetValueOrDefault(kind))}</td>");
            foreach (var tool in ToolSchema.All) html.Append($"<td class=\"num\">{Fmt.Int(p.ByTool.GetValueOrDefault(tool.WireName()))}</td>");
            html.Append($"<td class=\"num\">{Fmt.Int(p.ClampedValues)}</td><td class=\"num\">{Fmt.Int(p.UnknownKeys)}</td></tr>");
        }

        return html.Append("</tbody></table></div><p class=\"note\">A parse failure counts as \"tool not used\"; failures per kind (kinds that occurred) and per tool over all calls.</p>").ToString();
    }

    private static string Ms(double value) => $"<td class=\"num\">{Fmt.Ms(value)}</td>";
}
