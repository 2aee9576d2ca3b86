using System.Text;
using Harness.Datasets;
using Harness.Formatting;
using Harness.Reports.Analysis;
using Harness.Runs;
using Harness.Tools;
using static Harness.Reports.Html.HtmlText;

namespace Harness.Reports.Html;

/// <summary>Per-parameter error heatmaps and worst examples, computed from each backend's calls.</summary>
internal static class DetailSections
{
    /// <summary>A table per vector tool: backends × parameters, cell shade by mean absolute error (0 white, 50+ darkest).</summary>
    public static string ParameterErrors(Dataset dataset, IReadOnlyList<BackendRunResult> results, Baselines baselines, ToolName tool)
    {
        var errors = results.Select(r => (Result: r, Errors: Analysis.ParameterErrors.Compute(tool, dataset, r))).ToList();
        var parameters = tool.VectorParameters();
        var html = new StringBuilder($"<div class=\"scroll\"><table class=\"heat\"><caption>{tool.WireName()}: mean absolute error per parameter over TP rows (scale −100…100, lower is better)</caption><thead><tr><th>Backend</th><th class=\"num\">TP rows</th>");
        foreach (var p in parameters)
            html.Append($"<th class=\"vert\"><span>{E(p)}</span></th>");
        html.Append("</tr></thead><tbody>");
        foreach (var (result, e) in errors)
        {
            html.Append($"<tr>{ScoreTables.BackendCell(result, baselines)}<td class=\"num\">{Fmt.Int(e.N)}</td>");
            if (e.N == 0)
            {
                html.Append($"<td colspan=\"{parameters.Length}\" class=\"muted\">no TP rows</td></tr>");
                continue;
            }

            foreach (var mae in e.Mae)
            {
                var alpha = Math.Clamp(mae / 50, 0, 1);
                var ink = alpha > 0.55 ? " style-ink" : "";
                html.Append($"<td class=\"num cell{ink}\" style=\"background:rgba(204,75,140,{Fmt.Num(alpha, 2)})\">{Fmt.Mae(mae)}</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    /// <summary>For each backend, its worst rows per tool with intent, expected and produced output.</summary>
    public static string Examples(Dataset dataset, IReadOnlyList<BackendRunResult> results, Baselines baselines)
    {
        var html = new StringBuilder();
        foreach (var result in results)
        {
            var badge = baselines.IsFloor(result) ? " <span class=\"badge floor\">floor</span>" : "";
            html.Append($"<details class=\"examples\" open><summary>{E(result.Label)}{badge} <span class=\"muted\">{E(result.Metrics.Run.Scenario)}</span></summary>");
            foreach (var tool in ToolSchema.All)
            {
                var examples = WorstExamples.Find(tool, dataset, result);
                html.Append($"<h4 class=\"{ScoreTables.Css(tool)}\">{tool.WireName()}</h4>");
                if (examples.IsEmpty)
                {
                    html.Append("<p class=\"muted\">No misses.</p>");
                    continue;
                }

                html.Append("<table class=\"ex\"><colgroup><col class=\"c-id\"><col class=\"c-intent\"><col class=\"c-why\"><col><col></colgroup><thead><tr><th>Row</th><th>Intent</th><th>Why</th><th>Expected (teacher)</th><th>Produced</th></tr></thead><tbody>");
                foreach (var ex in examples)
                    html.Append($"<tr><td class=\"id\">{E(ex.RowId)}</td><td class=\"intent\">{E(ex.Intent)}</td><td class=\"why\">{E(ex.Reason)}</td><td>{E(ex.Expected)}</td><td>{E(ex.Produced)}{Raw(ex)}</td></tr>");
                html.Append("</tbody></table>");
            }

            html.Append("</details>");
        }

        return html.ToString();
    }

    // The raw text only where the parsed setting does not already say it all: a miss or a parse failure.
    private static string Raw(WorstExample ex) =>
        ex.Produced == "not used" ? $"<div class=\"raw\" title=\"raw output\">raw: {E(ex.Raw)}</div>" : "";
}
