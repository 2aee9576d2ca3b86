using System.Text;
using Harness.Formatting;
using Harness.Reports.Analysis;
using static Harness.Reports.Html.HtmlText;

namespace Harness.Reports.Html;

/// <summary>
/// Cross-engine agreement: for backends declaring the same <c>model_id</c>, each against the
/// group's first on the same calls in the same scenario: identical raw output, identical parsed
/// settings, and the largest difference of any metric.
/// </summary>
internal static class AgreementSection
{
    public static string Render(IReadOnlyList<EngineAgreement> rows)
    {
        var html = new StringBuilder("<div class=\"scroll\"><table class=\"agreement\"><thead><tr><th>model_id</th><th>Backend</th><th>Compared with</th><th>Scenario</th><th class=\"num\">calls</th><th class=\"num\" title=\"share of calls with identical raw output text\">raw identical</th><th class=\"num\" title=\"share of calls with identical parsed settings\">parsed identical</th><th class=\"num\" title=\"largest absolute difference of the overall or a tool's final, all rows\">largest metric diff.</th></tr></thead><tbody>");
        foreach (var a in rows)
        {
            html.Append($"<tr><td><code>{E(a.ModelId)}</code></td><th scope=\"row\">{E(a.Label)}</th><td>{E(a.Reference)}</td><td>{E(a.Scenarios)}</td><td class=\"num\">{Fmt.Int(a.Calls)}</td>");
            html.Append(a.Calls == 0
                ? "<td colspan=\"2\" class=\"muted\">no predictions to compare</td>"
                : $"<td class=\"num\" title=\"{Fmt.Int(a.SameRaw)} of {Fmt.Int(a.Calls)}\">{Fmt.Share(a.SameRawShare!.Value)}</td><td class=\"num\" title=\"{Fmt.Int(a.SameParsed)} of {Fmt.Int(a.Calls)}\">{Fmt.Share(a.SameParsedShare!.Value)}</td>");
            html.Append($"<td class=\"num\">{Fmt.Score(a.LargestDifference)} <span class=\"muted\">{E(a.LargestMetric)}</span></td></tr>");
        }

        return html.Append("</tbody></table></div><p class=\"note\">Calls are (intent, tool) pairs both backends answered. Parsed settings are what the app would apply (a parse failure is \"not used\"). Metric differences are of the overall and each tool's final on all rows.</p>").ToString();
    }
}
