using Harness.Formatting;
using Harness.Reports.Analysis;
using Harness.Runs;

using static Harness.Reports.MarkdownBuilder;

namespace Harness.Reports.Markdown;

/// <summary>The cross-engine agreement section in Markdown; nothing when no two backends declare the same <c>model_id</c>.</summary>
internal static class AgreementMarkdown
{
    public static void Render(MarkdownBuilder md, RunReport report)
    {
        var rows = EngineAgreements.Of(report.Results);
        if (rows.IsEmpty) return;
        md.Line().Line("## Cross-engine agreement").Line();
        md.Line("Backends that declare the same `model_id` run the same weights through another engine or file format. Each is compared with its group's first backend on the calls (intent, tool) both answered in the same scenario: identical raw output text, identical parsed settings (what the app would apply; a parse failure is \"not used\"), and the largest difference of the overall or a tool's final on all rows.").Line();
        md.Line("| model_id | Backend | Compared with | Scenario | calls | identical raw output | identical parsed settings | largest metric difference |").Line("|---|---|---|---|---:|---:|---:|---|");
        foreach (var a in rows)
        {
            var shares = a.Calls == 0 ? "no predictions | no predictions" : $"{Fmt.Share(a.SameRawShare!.Value)} | {Fmt.Share(a.SameParsedShare!.Value)}";
            md.Line($"| {Text(a.ModelId)} | {Text(a.Label)} | {Text(a.Reference)} | {Text(a.Scenarios)} | {Fmt.Int(a.Calls)} | {shares} | {Fmt.Score(a.LargestDifference)} ({a.LargestMetric}) |");
        }
    }
}
