using System.Text;
using Harness.Formatting;
using Harness.Reports.Analysis;
using static Harness.Reports.Html.HtmlText;

namespace Harness.Reports.Html;

/// <summary>The image-space difference: per backend, the ΔE2000 between its renders and the teacher's.</summary>
internal static class ImageSection
{
    public static string Render(IReadOnlyList<ImageRow> rows)
    {
        var html = new StringBuilder("<div class=\"scroll\"><table class=\"image-metric\"><thead><tr><th>Backend</th><th class=\"num\">mean ΔE</th><th>95% CI</th><th class=\"num\">median</th><th class=\"num\">p90</th><th class=\"num\" title=\"share of intents at most one just-noticeable difference from the teacher's render\">ΔE ≤ 2.3</th><th class=\"num\">ΔE ≤ 5</th><th class=\"num\" title=\"Spearman rank correlation ρ of per-intent ΔE with the per-intent parameter score\">Spearman</th></tr></thead><tbody>");
        foreach (var r in rows)
        {
            var i = r.Image;
            html.Append($"<tr><th scope=\"row\">{E(r.Label)}</th><td class=\"num\">{Fmt.DeltaE(i.Mean)}</td><td>{Fmt.DeltaECi(i.MeanCi95)}</td><td class=\"num\">{Fmt.DeltaE(i.Median)}</td><td class=\"num\">{Fmt.DeltaE(i.P90)}</td>");
            html.Append($"<td class=\"num\">{Fmt.Percent(i.WithinJnd)}</td><td class=\"num\">{Fmt.Percent(i.Within5)}</td><td class=\"num\">{(i.Spearman is { } rho ? Fmt.Signed(rho) : "–")}</td></tr>");
        }
        return html.Append($"</tbody></table></div><p class=\"note\">{E(ImageRows.Scale(rows))}</p>").ToString();
    }
}
