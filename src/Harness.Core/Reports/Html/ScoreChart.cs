using System.Text;
using Harness.Datasets;
using Harness.Formatting;
using Harness.Metrics;
using Harness.Runs;
using Harness.Tools;
using static Harness.Reports.Html.HtmlText;

namespace Harness.Reports.Html;

/// <summary>
/// Horizontal score bars on a 0–1 axis: per backend (the scenario its scores come from) the overall score and the three tools'
/// finals (subset <c>all</c>), each with its 95% interval as a whisker, and a dashed line
/// at the baseline's overall score (the floor).
/// </summary>
internal static class ScoreChart
{
    private const double Left = 190, Right = 700, Width = 780, Bar = 11, Gap = 3, GroupGap = 18, Top = 44;

    private static readonly (string Name, string Colour)[] Series =
        [("overall", Palette.Overall), ("adjust", Palette.Adjust), ("selective_adjust", Palette.Selective), ("filter", Palette.Filter)];

    public static string Render(IReadOnlyList<BackendRunResult> results, Baselines baselines)
    {
        var groupHeight = Series.Length * (Bar + Gap) - Gap;
        var height = Top + results.Count * (groupHeight + GroupGap) + 26;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart\" role=\"img\" aria-label=\"Score bars with 95% intervals\" viewBox=\"0 0 {Width} {Fmt.Px(height)}\" width=\"{Width}\" height=\"{Fmt.Px(height)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        Legend(svg);
        Grid(svg, height - 22);

        var y = Top;
        foreach (var result in results)
        {
            var label = result.Label + baselines.Suffix(result);
            svg.Append($"<text x=\"{Left - 10}\" y=\"{Fmt.Px(y + groupHeight / 2 + 4)}\" text-anchor=\"end\" class=\"lbl\">{E(label)}</text>");
            svg.Append($"<text x=\"{Left - 10}\" y=\"{Fmt.Px(y + groupHeight / 2 + 17)}\" text-anchor=\"end\" class=\"sub\">{E(result.Metrics.Run.Scenario)}</text>");
            if (result.Error is not null)
                svg.Append($"<text x=\"{Left + 6}\" y=\"{Fmt.Px(y + groupHeight / 2 + 4)}\" class=\"err\">failed to run</text>");
            else
                Bars(svg, result.Metrics.Subset(Subsets.AllRows), y);
            y += groupHeight + GroupGap;
        }

        Floor(svg, baselines.FloorOf(results), height - 22);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Bars(StringBuilder svg, SubsetMetrics all, double y)
    {
        var values = new (double Value, Interval? Ci)[]
        {
            (all.Overall, all.OverallCi95),
            (all[ToolName.Adjust].Final, all[ToolName.Adjust].FinalCi95),
            (all[ToolName.SelectiveAdjust].Final, all[ToolName.SelectiveAdjust].FinalCi95),
            (all[ToolName.Filter].Final, all[ToolName.Filter].FinalCi95),
        };
        for (var i = 0; i < values.Length; i++)
        {
            var (value, ci) = values[i];
            var top = y + i * (Bar + Gap);
            var mid = top + Bar / 2;
            var title = $"{Series[i].Name}: {Fmt.Score(value)}" + (ci is null ? "" : $" 95% CI {Fmt.Ci(ci)}");
            svg.Append($"<rect x=\"{Left}\" y=\"{Fmt.Px(top)}\" width=\"{Fmt.Px(Math.Max(X(value) - Left, 1))}\" height=\"{Bar}\" rx=\"2\" fill=\"{Series[i].Colour}\"{(i == 0 ? "" : " fill-opacity=\"0.85\"")}><title>{E(title)}</title></rect>");
            var end = X(value);
            if (ci is not null)
            {
                var (lo, hi) = (X(ci.Lower), X(ci.Upper));
                svg.Append($"<path class=\"whisker\" d=\"M{Fmt.Px(lo)} {Fmt.Px(mid)}H{Fmt.Px(hi)}M{Fmt.Px(lo)} {Fmt.Px(mid - 4)}V{Fmt.Px(mid + 4)}M{Fmt.Px(hi)} {Fmt.Px(mid - 4)}V{Fmt.Px(mid + 4)}\"/>");
                end = Math.Max(end, hi);
            }

            svg.Append($"<text x=\"{Fmt.Px(end + 5)}\" y=\"{Fmt.Px(mid + 3.5)}\" class=\"val\">{Fmt.Score(value)}</text>");
        }
    }

    private static void Legend(StringBuilder svg)
    {
        var x = Left;
        foreach (var (name, colour) in Series)
        {
            svg.Append($"<rect x=\"{Fmt.Px(x)}\" y=\"8\" width=\"12\" height=\"12\" rx=\"2\" fill=\"{colour}\"/><text x=\"{Fmt.Px(x + 17)}\" y=\"18\" class=\"sub\">{name}</text>");
            x += 40 + name.Length * 6.5;
        }

        svg.Append($"<path class=\"whisker\" d=\"M{Fmt.Px(x)} 14H{Fmt.Px(x + 22)}M{Fmt.Px(x)} 10V18M{Fmt.Px(x + 22)} 10V18\"/><text x=\"{Fmt.Px(x + 28)}\" y=\"18\" class=\"sub\">95% interval</text>");
    }

    private static void Grid(StringBuilder svg, double bottom)
    {
        for (var t = 0; t <= 10; t += 2)
        {
            var x = X(t / 10.0);
            svg.Append($"<line x1=\"{Fmt.Px(x)}\" y1=\"{Top - 8}\" x2=\"{Fmt.Px(x)}\" y2=\"{Fmt.Px(bottom)}\" stroke=\"{Palette.Grid}\"/>");
            svg.Append($"<text x=\"{Fmt.Px(x)}\" y=\"{Fmt.Px(bottom + 15)}\" text-anchor=\"middle\" class=\"tick\">{Fmt.Num(t / 10.0, 1)}</text>");
        }
    }

    private static void Floor(StringBuilder svg, BackendRunResult? floor, double bottom)
    {
        if (floor is null) return;
        var x = X(floor.Metrics.Subset(Subsets.AllRows).Overall);
        svg.Append($"<line x1=\"{Fmt.Px(x)}\" y1=\"{Top - 10}\" x2=\"{Fmt.Px(x)}\" y2=\"{Fmt.Px(bottom)}\" stroke=\"{Palette.Floor}\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"><title>{E($"floor: {floor.Label} overall {Fmt.Score(floor.Metrics.Subset(Subsets.AllRows).Overall)}")}</title></line>");
        svg.Append($"<text x=\"{Fmt.Px(x + 4)}\" y=\"{Top - 12}\" class=\"floor\">floor</text>");
    }

    private static double X(double score) => Left + Math.Clamp(score, 0, 1) * (Right - Left);
}
