using Harness.Formatting;
using Harness.Reports.Analysis;
using Harness.Runs;
using Harness.Tools;

using static Harness.Reports.MarkdownBuilder;

namespace Harness.Reports.Markdown;

/// <summary>
/// The paper's main table (RO1) in Markdown: per backend and subset (all, r3, r5), each tool as
/// (selection F1, quality, final) with the final's 95% interval, and the overall with its interval.
/// </summary>
internal static class Ro1Markdown
{
    public static void Render(MarkdownBuilder md, RunReport report)
    {
        var backends = BackendScores.Of(report.Results);
        md.Line().Line("## Scores per tool (RO1)").Line();
        md.Line("Each tool as `(selection, quality, final)` followed by the final's 95% interval: selection is the F1 of choosing the tool, quality the mean cosine (filter: name accuracy) over the rows where both teacher and backend used it (negative when a backend inverts the settings), final their harmonic mean with a negative quality counted as 0. Subsets: all rows, and intents asked at least 3 (r3) and 5 (r5) times. Higher is better.").Line();
        md.Line($"| Backend | subset | n | {string.Join(" | ", ToolSchema.All.Select(t => t.WireName()))} | overall [95% CI] |").Line("|---|---|---:|---|---|---|---|");
        foreach (var backend in backends)
        {
            var name = Text(backend.Label) + report.Baselines.Suffix(backend.Scores);
            if (!backend.Ran)
            {
                md.Line($"| {name} | failed to run: {Text(backend.Scores.Error ?? "")} | | | | | |");
                continue;
            }

            foreach (var s in backend.Scores.Metrics.Subsets)
            {
                var tools = string.Join(" | ", s.Tools.Select(t => $"({Fmt.Score(t.SelectionF1)}, {Fmt.Score(t.Quality)}, {Fmt.Score(t.Final)}) {Fmt.Ci(t.FinalCi95)}"));
                md.Line($"| {(s.Name == backend.Scores.Metrics.Subsets[0].Name ? name : "")} | {Text(s.Name)} | {Fmt.Int(s.N)} | {tools} | **{Fmt.Score(s.Overall)}** {Fmt.Ci(s.OverallCi95)} |");
            }
        }
    }
}
