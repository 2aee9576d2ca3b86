using System.Text;
using Harness.Formatting;
using Harness.Metrics;
using Harness.Reports.Analysis;
using Harness.Runs;
using Harness.Tools;
using static Harness.Reports.Html.HtmlText;

namespace Harness.Reports.Html;

/// <summary>
/// The paper's main table (RO1): per backend, each tool as (selection F1, quality, final) on the
/// subsets all, r3 and r5, with the final's and the overall's 95% interval beneath them. Quality
/// is shown once per backend; the scores do not change with the scenario.
/// </summary>
internal static class ScoreTables
{
    public static string Render(IReadOnlyList<BackendScores> backends, Baselines baselines)
    {
        var html = new StringBuilder("<div class=\"scroll\"><table class=\"scores\"><thead><tr><th rowspan=\"2\">Backend</th><th rowspan=\"2\">Subset</th><th rowspan=\"2\" class=\"num\">n</th>");
        foreach (var tool in ToolSchema.All)
            html.Append($"<th colspan=\"3\" class=\"tool {Css(tool)}\">{tool.WireName()}</th>");
        html.Append("<th rowspan=\"2\" class=\"num\">Overall</th></tr><tr>");
        foreach (var _ in ToolSchema.All)
            html.Append("<th class=\"num\" title=\"selection F1\">sel</th><th class=\"num\" title=\"quality over TP rows\">qual</th><th class=\"num\" title=\"harmonic mean of selection and max(quality, 0), 95% interval beneath\">final</th>");
        html.Append("</tr></thead>");
        foreach (var backend in backends)
            html.Append(Rows(backend.Scores, baselines));
        return html.Append("</table></div>").ToString();
    }

    private static string Rows(BackendRunResult result, Baselines baselines)
    {
        if (result.Error is not null)
            return $"<tbody><tr class=\"failed\">{BackendCell(result, baselines)}<td colspan=\"{3 + 3 * ToolSchema.All.Length}\" class=\"error\">failed to run: {E(result.Error)}</td></tr></tbody>";

        var html = new StringBuilder("<tbody>");
        var subsets = result.Metrics.Subsets;
        for (var i = 0; i < subsets.Length; i++)
        {
            var s = subsets[i];
            html.Append("<tr>").Append(i == 0 ? BackendCell(result, baselines, subsets.Length) : "");
            html.Append($"<td>{E(s.Name)}</td><td class=\"num\">{Fmt.Int(s.N)}</td>");
            foreach (var tool in ToolSchema.All)
            {
                var t = s[tool];
                html.Append($"<td class=\"num\">{Fmt.Score(t.SelectionF1)}</td><td class=\"num\" title=\"quality over {t.QualityN} TP rows\">{Fmt.Score(t.Quality)}</td><td class=\"num final\">{Fmt.Score(t.Final)}{Beneath(t.FinalCi95)}</td>");
            }

            html.Append($"<td class=\"num overall\">{Fmt.Score(s.Overall)}{Beneath(s.OverallCi95)}</td></tr>");
        }

        return html.Append("</tbody>").ToString();
    }

    private static string Beneath(Interval? ci) => ci is null ? "" : $"<div class=\"ci\">{Fmt.Ci(ci)}</div>";

    /// <summary>The backend name cell with its model and a floor or ceiling badge.</summary>
    public static string BackendCell(BackendRunResult result, Baselines baselines, int rows = 1)
    {
        var badge = baselines.IsFloor(result) ? " <span class=\"badge floor\">floor</span>"
            : baselines.IsCeiling(result) ? " <span class=\"badge ceiling\">ceiling</span>"
            : baselines.IsTeacher(result) ? " <span class=\"badge teacher\">teacher</span>" : "";
        var model = result.Metrics.Run.Model;
        return $"<th scope=\"row\"{(rows > 1 ? $" rowspan=\"{rows}\"" : "")}>{E(result.Label)}{badge}<div class=\"model\">{E(model)}</div></th>";
    }

    public static string Css(ToolName tool) => tool switch
    {
        ToolName.Adjust => "t-adjust",
        ToolName.SelectiveAdjust => "t-selective",
        _ => "t-filter",
    };
}
