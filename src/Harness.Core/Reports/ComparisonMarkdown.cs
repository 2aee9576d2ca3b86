using System.Text;
using Harness.Datasets;
using Harness.Formatting;
using Harness.Metrics;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Reports;

/// <summary>
/// GitHub-flavoured Markdown of a side-by-side comparison: one row per result with overall
/// (and its interval) and each tool's final, then each result's paired difference from the
/// first, or plainly why there is none.
/// </summary>
public static class ComparisonMarkdown
{
    /// <summary>The comparison as a whole document (<c>harness compare</c>'s report.md): a title naming the compared runs, then <see cref="Render"/>.</summary>
    public static string Document(RunReport report) => $"# Comparison: {Text(report.RunId)}\n\n{Render(report)}";

    public static string Render(RunReport report, string subset = Subsets.AllRows)
    {
        var text = new StringBuilder();
        text.Append($"## Side by side ({Text(subset)})\n\n");
        text.Append("| Backend | Scenario | Overall | 95% interval | adjust | selective_adjust | filter | p95 ms/intent |\n|---|---|---:|---|---:|---:|---:|---:|\n");
        foreach (var r in report.Results)
        {
            if (r.Error is not null)
            {
                text.Append($"| {Text(r.Label)} | {Text(r.Metrics.Run.Scenario)} | failed to run: {Text(r.Error)} | | | | | |\n");
                continue;
            }

            var s = r.Metrics.Subset(subset);
            var p95 = r.Metrics.Latency is { } l ? Fmt.Ms(l.PerIntent.P95) : "–";
            text.Append($"| {Text(r.Label)}{report.Baselines.Suffix(r)} | {Text(r.Metrics.Run.Scenario)} | {Fmt.Score(s.Overall)} | {Fmt.Ci(s.OverallCi95)} | {string.Join(" | ", ToolSchema.All.Select(t => Fmt.Score(s[t].Final)))} | {p95} |\n");
        }

        if (report.Comparisons is not { Count: > 0 }) return text.ToString();
        return text.Append('\n').Append(Differences(report, subset, "###")).ToString();
    }

    /// <summary>Each result's paired difference from the first, or plainly why there is none; empty without comparisons.</summary>
    public static string Differences(RunReport report, string subset = Subsets.AllRows, string heading = "##")
    {
        if (report.Comparisons is not { Count: > 0 } comparisons) return "";
        var text = new StringBuilder();
        var metrics = ResultComparison.MetricOrder;
        text.Append($"{heading} Difference vs {Text(comparisons[0].Reference)} (paired bootstrap, 95% interval)\n\n");
        text.Append($"| Backend | {string.Join(" | ", metrics)} |\n|---|{string.Concat(metrics.Select(_ => "---:|"))}\n");
        foreach (var c in comparisons)
        {
            text.Append(c.Differences is null
                ? $"| {Text(c.Label)} | no paired interval: {Text(c.NoPairingReason ?? "")} |{string.Concat(metrics.Skip(1).Select(_ => " |"))}\n"
                : $"| {Text(c.Label)} | {string.Join(" | ", metrics.Select(m => Difference(c.Find(subset, m))))} |\n");
        }

        return text.ToString();
    }

    private static string Difference(MetricDifference? d) =>
        d is null ? "–" : d.Ci95 is { } ci ? $"{Fmt.Signed(d.Difference)} [{Fmt.Signed(ci.Lower)}, {Fmt.Signed(ci.Upper)}]" : Fmt.Signed(d.Difference);


    private static string Text(string? text) => MarkdownBuilder.Text(text);
}
