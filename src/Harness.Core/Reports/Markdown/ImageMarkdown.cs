using Harness.Formatting;
using Harness.Reports.Analysis;
using Harness.Runs;
using static Harness.Reports.MarkdownBuilder;

namespace Harness.Reports.Markdown;

/// <summary>The image-space difference section in Markdown; nothing when the run measured none.</summary>
internal static class ImageMarkdown
{
    public static void Render(MarkdownBuilder md, RunReport report)
    {
        var rows = ImageRows.Of(report.Results);
        if (rows.Count == 0) return;
        md.Line().Line("## Image-space difference (ΔE2000)").Line();
        md.Line(ImageRows.Scale(rows)).Line();
        md.Line("| Backend | mean ΔE [95% CI] | median | p90 | ΔE ≤ 2.3 [95% CI] | ΔE ≤ 5 [95% CI] | Spearman ρ |").Line("|---|---|---:|---:|---|---|---:|");
        foreach (var r in rows)
        {
            var i = r.Image;
            md.Line($"| {Text(r.Label)} | {Fmt.DeltaE(i.Mean)} {Fmt.DeltaECi(i.MeanCi95)} | {Fmt.DeltaE(i.Median)} | {Fmt.DeltaE(i.P90)} | {Fmt.Percent(i.WithinJnd)} {Ci(i.WithinJndCi95)} | {Fmt.Percent(i.Within5)} {Ci(i.Within5Ci95)} | {(i.Spearman is { } rho ? Fmt.Signed(rho) : "–")} |");
        }
    }

    private static string Ci(Metrics.Interval? ci) => ci is null ? "" : $"[{Fmt.Percent(ci.Lower)}, {Fmt.Percent(ci.Upper)}]";
}
