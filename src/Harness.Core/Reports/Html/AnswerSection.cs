using System.Collections.Immutable;
using System.Text;
using Harness.Datasets;
using Harness.Formatting;
using Harness.Metrics;
using Harness.Reports.Analysis;
using Harness.Runs;
using Harness.Tools;
using static Harness.Reports.Html.HtmlText;

namespace Harness.Reports.Html;

/// <summary>
/// The report's first table: one row per backend with its quality once (overall with interval,
/// each tool's final, parse-failure rate) and, per scenario, p50 latency per intent and cost per
/// 1,000 intents beside it, the share of the floor-to-ceiling gap it closes when the run has
/// both, and its server capacity and cost at capacity when the run found one (<see cref="CapacityColumn"/>); then the two Pareto charts.
/// </summary>
internal static class AnswerSection
{
    public static string Render(IReadOnlyList<BackendRunResult> results, Baselines baselines, ImmutableDictionary<string, GapShare> gaps)
    {
        var gapColumn = !gaps.IsEmpty;
        var quality = 6 + (gapColumn ? 1 : 0);
        var backends = BackendScores.Of(results);
        var scenarios = BackendScores.MeasuredScenarios(results);
        var capacity = CapacityColumn.Of(results);
        var best = backends.Where(b => b.Ran && !baselines.IsUpperReference(b.Scores)).Select(b => b.Scores.Metrics.Subset(Subsets.AllRows).Overall).DefaultIfEmpty(double.NaN).Max();

        var html = new StringBuilder($"<div class=\"scroll\"><table class=\"answer\"><thead><tr><th rowspan=\"2\">Backend</th><th colspan=\"{quality}\" class=\"group\">Quality, all rows (any scenario)</th>");
        foreach (var scenario in scenarios) html.Append($"<th colspan=\"2\" class=\"group\">{E(scenario)}</th>");
        if (capacity is not null) html.Append("<th colspan=\"2\" class=\"group\">server peak</th>");
        html.Append("</tr><tr><th class=\"num\">Overall</th><th>95% interval</th>");
        if (gapColumn) html.Append("<th title=\"share of the floor-to-ceiling gap closed, with its paired-bootstrap 95% interval\">gap closed</th>");
        foreach (var tool in ToolSchema.All) html.Append($"<th class=\"num {ScoreTables.Css(tool)}\">{tool.WireName()}</th>");
        html.Append("<th class=\"num\" title=\"share of outputs that failed to parse\">parse fail.</th>");
        foreach (var _ in scenarios) html.Append("<th class=\"num\" title=\"median latency per intent, ms\">p50 ms</th><th class=\"num\" title=\"USD per 1,000 intents\">USD/1k</th>");
        if (capacity is not null)
            html.Append($"<th class=\"num\" title=\"the highest offered rate whose tail latency stayed within the bound (≥ when no rate above it was tried INVALID)\">{E(capacity.Header)}</th><th class=\"num\" title=\"USD per 1,000 intents at that capacity\">{E(CapacityColumn.CostHeader)}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var backend in backends) html.Append(Row(backend, baselines, scenarios, best, gapColumn ? gaps : null, capacity));
        html.Append("</tbody></table></div>");
        foreach (var note in backends.Select(b => b.ScenarioNote).OfType<string>())
            html.Append($"<p class=\"note warn-note\">{E(note)}</p>");

        var labels = backends.Select(b => b.Label).ToList();
        html.Append("<div class=\"pareto\">");
        foreach (var axis in ParetoAxis.Both)
            html.Append(ParetoChart.Render(results, baselines, axis, labels, scenarios));
        return html.Append("</div>").ToString();
    }

    private static string Row(BackendScores backend, Baselines baselines, IReadOnlyList<string> scenarios, double best, ImmutableDictionary<string, GapShare>? gaps, CapacityColumn? capacity)
    {
        var row = new StringBuilder($"<tr{(backend.Ran ? "" : " class=\"failed\"")}>{ScoreTables.BackendCell(backend.Scores, baselines)}");
        if (!backend.Ran)
            return row.Append($"<td colspan=\"{6 + (gaps is null ? 0 : 1) + 2 * scenarios.Count + (capacity is null ? 0 : 2)}\" class=\"error\">failed to run: {E(backend.Scores.Error)}</td></tr>").ToString();

        var m = backend.Scores.Metrics;
        var all = m.Subset(Subsets.AllRows);
        row.Append($"<td class=\"num overall{(all.Overall == best ? " best" : "")}\">{Fmt.Score(all.Overall)}</td><td class=\"ci\">{Fmt.Ci(all.OverallCi95)}</td>");
        if (gaps is not null)
            row.Append(gaps.TryGetValue(backend.Label, out var gap) ? $"<td class=\"ci\">{GapClosed.Format(gap)}</td>" : "<td class=\"muted\">–</td>");
        foreach (var tool in ToolSchema.All) row.Append($"<td class=\"num\">{Fmt.Score(all[tool].Final)}</td>");
        row.Append($"<td class=\"num{(m.Parse.Failures > 0 ? " warn" : "")}\" title=\"{Fmt.Int(m.Parse.Failures)} of {Fmt.Int(m.Parse.Calls)} calls\">{Fmt.Percent(m.Parse.Rate)}</td>");
        foreach (var scenario in scenarios)
        {
            row.Append(backend.In(scenario) switch
            {
                null => "<td colspan=\"2\" class=\"muted\">not run</td>",
                { Error: { } error } => $"<td colspan=\"2\" class=\"error\" title=\"{E(error)}\">failed</td>",
                var r => Measure(ParetoAxis.Latency, r) + Measure(ParetoAxis.Cost, r),
            });
        }

        if (capacity is not null)
            row.Append($"<td class=\"num\">{E(capacity.Capacity(backend.Label))}</td><td class=\"num\">{E(capacity.Cost(backend.Label))}</td>");
        return row.Append("</tr>").ToString();
    }

    private static string Measure(ParetoAxis axis, BackendRunResult result) =>
        axis.Value(result.Metrics) is { } value ? $"<td class=\"num\">{axis.Format(value)}</td>" : "<td class=\"num muted\" title=\"not measured\">–</td>";
}
