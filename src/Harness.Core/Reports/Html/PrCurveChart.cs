using System.Text;
using Harness.Formatting;
using Harness.Metrics.Ranking;
using Harness.Runs;
using Harness.Tools;
using static Harness.Reports.Html.HtmlText;

namespace Harness.Reports.Html;

/// <summary>
/// One precision–recall chart per tool (subset <c>all</c>): a curve per backend that reported
/// not-used probabilities, from ranking its rows by 1 − probability, and that backend's greedy
/// answers as a ringed point (its selection precision and recall), so a reader sees whether
/// another threshold would do better.
/// </summary>
internal static class PrCurveChart
{
    private const double Left = 56, Right = 330, Top = 30, Bottom = 290, Width = 540, Height = 330;

    /// <summary>The charts, or an empty string when no backend reported a probability.</summary>
    public static string Render(IReadOnlyList<BackendRunResult> results)
    {
        var ran = results.Where(r => r.Error is null).ToList();
        var labels = results.Select(r => r.Label).Distinct(StringComparer.Ordinal).ToList();
        var charts = new StringBuilder();
        foreach (var tool in ToolSchema.All)
        {
            var curves = ran.Select(r => (Result: r, Ranking: r.Metrics.Subset("all").RankingOf(tool))).Where(c => c.Ranking is not null).ToList();
            if (curves.Count == 0) continue;
            charts.Append(Chart(tool, curves!, labels));
        }
        return charts.ToString();
    }

    private static string Chart(ToolName tool, List<(BackendRunResult Result, ToolRanking Ranking)> curves, List<string> labels)
    {
        var svg = new StringBuilder($"<svg class=\"chart prcurve\" role=\"img\" aria-label=\"{E($"Precision against recall for {tool.WireName()}, greedy answers ringed")}\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append($"<text x=\"{Left}\" y=\"18\" class=\"lbl\">{E(tool.WireName())}</text>");
        Grid(svg);
        var legendY = Top + 8.0;
        foreach (var (result, ranking) in curves)
        {
            var colour = Palette.Backends[Math.Max(0, labels.IndexOf(result.Label)) % Palette.Backends.Length];
            var path = new StringBuilder($"M{Fmt.Px(X(0))} {Fmt.Px(Y(ranking.Curve.Count > 0 ? ranking.Curve[0].Precision : 1))}");
            foreach (var p in ranking.Curve) path.Append($"L{Fmt.Px(X(p.Recall))} {Fmt.Px(Y(p.Precision))}");
            var summary = $"{result.Label}: average precision {Score(ranking.AveragePrecision)}, ROC AUC {Score(ranking.RocAuc)}";
            svg.Append($"<path d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.6\"><title>{E(summary)}</title></path>");
            var greedy = result.Metrics.Subset("all")[tool];
            svg.Append($"<circle cx=\"{Fmt.Px(X(greedy.Recall))}\" cy=\"{Fmt.Px(Y(greedy.Precision))}\" r=\"5\" fill=\"{colour}\" stroke=\"{Palette.Ink}\" stroke-width=\"2\"><title>{E($"{result.Label} greedy: precision {Fmt.Score(greedy.Precision)}, recall {Fmt.Score(greedy.Recall)}")}</title></circle>");
            svg.Append($"<rect x=\"{Right + 16}\" y=\"{Fmt.Px(legendY - 9)}\" width=\"12\" height=\"12\" rx=\"2\" fill=\"{colour}\"/><text x=\"{Right + 33}\" y=\"{Fmt.Px(legendY + 1)}\" class=\"sub\">{E(result.Label)}</text>");
            svg.Append($"<text x=\"{Right + 33}\" y=\"{Fmt.Px(legendY + 15)}\" class=\"tick\">{E($"AP {Score(ranking.AveragePrecision)} {Ci(ranking.AveragePrecisionCi95)}")}</text>");
            svg.Append($"<text x=\"{Right + 33}\" y=\"{Fmt.Px(legendY + 28)}\" class=\"tick\">{E($"AUC {Score(ranking.RocAuc)} {Ci(ranking.RocAucCi95)}")}</text>");
            legendY += 46;
        }
        svg.Append($"<circle cx=\"{Right + 22}\" cy=\"{Fmt.Px(legendY - 4)}\" r=\"5\" fill=\"#fff\" stroke=\"{Palette.Ink}\" stroke-width=\"2\"/><text x=\"{Right + 33}\" y=\"{Fmt.Px(legendY)}\" class=\"sub\">greedy answers</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Grid(StringBuilder svg)
    {
        for (var t = 0; t <= 10; t += 2)
        {
            var v = t / 10.0;
            svg.Append($"<line x1=\"{Left}\" y1=\"{Fmt.Px(Y(v))}\" x2=\"{Right}\" y2=\"{Fmt.Px(Y(v))}\" stroke=\"{Palette.Grid}\"/><text x=\"{Left - 6}\" y=\"{Fmt.Px(Y(v) + 3.5)}\" text-anchor=\"end\" class=\"tick\">{Fmt.Num(v, 1)}</text>");
            svg.Append($"<line x1=\"{Fmt.Px(X(v))}\" y1=\"{Top}\" x2=\"{Fmt.Px(X(v))}\" y2=\"{Bottom}\" stroke=\"{Palette.Grid}\"/><text x=\"{Fmt.Px(X(v))}\" y=\"{Bottom + 15}\" text-anchor=\"middle\" class=\"tick\">{Fmt.Num(v, 1)}</text>");
        }
        svg.Append($"<text x=\"{(Left + Right) / 2}\" y=\"{Bottom + 33}\" text-anchor=\"middle\" class=\"sub\">recall (\"used\")</text>");
        svg.Append($"<text transform=\"translate(16 {(Top + Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\" class=\"sub\">precision (\"used\")</text>");
    }

    private static string Score(double? value) => value is { } v ? Fmt.Score(v) : "n/a";

    private static string Ci(Harness.Metrics.Interval? ci) => Fmt.Ci(ci);

    private static double X(double recall) => Left + Math.Clamp(recall, 0, 1) * (Right - Left);

    private static double Y(double precision) => Bottom - Math.Clamp(precision, 0, 1) * (Bottom - Top);
}
