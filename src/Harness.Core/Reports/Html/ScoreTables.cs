using System.Text;
using Harness.Running;
using Harness.Tools;
using static Harness.Reports.Html.HtmlText;

namespace Harness.Reports.Html;

/// <summary>
/// The side-by-side score table: one row per result, overall with its interval, and each
/// tool in the paper's "(selection, quality, final)" form; one table per subset.
/// </summary>
internal static class ScoreTables
{
    public static string Render(IReadOnlyList<BackendRunResult> results, Baselines baselines, string subset, string caption)
    {
        var best = results.Where(r => r.Error is null).Select(r => r.Metrics.Subset(subset).Overall).DefaultIfEmpty(double.NaN).Max();
        var html = new StringBuilder();
        html.Append($"<table class=\"scores\"><caption>{E(caption)}</caption><thead><tr><th rowspan=\"2\">Backend</th><th rowspan=\"2\">Scenario</th><th rowspan=\"2\" class=\"num\">n</th><th rowspan=\"2\" class=\"num\">Overall</th><th rowspan=\"2\">95% interval</th>");
        foreach (var tool in ToolSchema.All)
            html.Append($"<th colspan=\"3\" class=\"tool {Css(tool)}\">{tool.WireName()}</th>");
        html.Append("</tr><tr>");
        foreach (var _ in ToolSchema.All)
            html.Append("<th class=\"num\" title=\"selection F1\">sel</th><th class=\"num\" title=\"quality over TP rows\">qual</th><th class=\"num\" title=\"harmonic mean of selection and quality\">final</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var result in results)
            html.Append(Row(result, baselines, subset, best));
        html.Append("</tbody></table>");
        return html.ToString();
    }

    private static string Row(BackendRunResult result, Baselines baselines, string subset, double best)
    {
        var name = BackendCell(result, baselines);
        if (result.Error is not null)
            return $"<tr class=\"failed\">{name}<td>{E(result.Metrics.Run.Scenario)}</td><td colspan=\"12\" class=\"error\">failed to run: {E(result.Error)}</td></tr>";

        var s = result.Metrics.Subset(subset);
        var top = s.Overall == best ? " best" : "";
        var row = new StringBuilder($"<tr>{name}<td>{E(result.Metrics.Run.Scenario)}</td><td class=\"num\">{Fmt.Int(s.N)}</td><td class=\"num overall{top}\">{Fmt.Score(s.Overall)}</td><td class=\"ci\">{Fmt.Ci(s.OverallCi95)}</td>");
        foreach (var tool in ToolSchema.All)
        {
            var t = s[tool];
            row.Append($"<td class=\"num\">{Fmt.Score(t.SelectionF1)}</td><td class=\"num\" title=\"quality over {t.QualityN} TP rows\">{Fmt.Score(t.Quality)}</td><td class=\"num final\" title=\"{E(t.FinalCi95 is null ? "" : "95% CI " + Fmt.Ci(t.FinalCi95))}\">{Fmt.Score(t.Final)}</td>");
        }

        return row.Append("</tr>").ToString();
    }

    /// <summary>The backend name cell with its model and a floor badge for baselines.</summary>
    public static string BackendCell(BackendRunResult result, Baselines baselines)
    {
        var badge = baselines.IsFloor(result) ? " <span class=\"badge floor\">floor</span>" : "";
        var model = result.Metrics.Run.Model;
        return $"<th scope=\"row\">{E(result.Label)}{badge}<div class=\"model\">{E(model)}</div></th>";
    }

    public static string Css(ToolName tool) => tool switch
    {
        ToolName.Adjust => "t-adjust",
        ToolName.SelectiveAdjust => "t-selective",
        _ => "t-filter",
    };
}
