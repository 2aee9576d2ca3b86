using System.Text;
using Harness.Formatting;
using Harness.Metrics;
using Harness.Runs;
using static Harness.Reports.Html.HtmlText;

namespace Harness.Reports.Html;

/// <summary>
/// The differences of each result against the first, with paired-bootstrap 95% intervals:
/// green when the interval lies above 0 (better), red when below (worse), plain when it spans 0.
/// </summary>
internal static class ComparisonSection
{
    public static string Render(IReadOnlyList<ResultComparison> comparisons, string subset)
    {
        var html = new StringBuilder($"<table class=\"diff\"><caption>Difference vs {E(comparisons[0].Reference)} (subset {E(subset)}), paired bootstrap 95% interval over the same rows</caption><thead><tr><th>Backend</th>");
        foreach (var metric in ResultComparison.MetricOrder)
            html.Append($"<th class=\"num\">{E(metric)}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var c in comparisons)
        {
            html.Append($"<tr><th scope=\"row\">{E(c.Label)}</th>");
            if (c.Differences is null)
            {
                html.Append($"<td colspan=\"{PairedBootstrap.Metrics.Length}\" class=\"muted\">no paired interval: {E(c.NoPairingReason)}</td></tr>");
                continue;
            }

            foreach (var metric in ResultComparison.MetricOrder)
                html.Append(Cell(c.Find(subset, metric)));
            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static string Cell(MetricDifference? d)
    {
        if (d is null) return "<td class=\"num muted\">–</td>";
        var css = d.Ci95 is { } ci ? ci.Lower > 0 ? " better" : ci.Upper < 0 ? " worse" : "" : "";
        var interval = d.Ci95 is { } i ? $"<div class=\"ci\">[{Fmt.Signed(i.Lower)}, {Fmt.Signed(i.Upper)}]</div>" : "";
        return $"<td class=\"num{css}\" title=\"{E($"{Fmt.Score(d.A)} → {Fmt.Score(d.B)}")}\">{Fmt.Signed(d.Difference)}{interval}</td>";
    }
}
