using System.Text;
using Harness.Formatting;
using Harness.Runs;
using static Harness.Reports.Html.HtmlText;

namespace Harness.Reports.Html;

/// <summary>
/// Per-intent latency percentiles (p50, p90, p95, p99) of every backend in one scenario as
/// horizontal bars. The axis turns logarithmic when the values span more than 30×, so a
/// sub-millisecond baseline and a second-long LLM stay readable on one chart.
/// </summary>
internal static class LatencyChart
{
    private const double Left = 190, Right = 690, Width = 780, Bar = 9, Gap = 2, GroupGap = 16, Top = 36;
    private static readonly string[] Names = ["p50", "p90", "p95", "p99"];

    public static string Render(string scenario, IReadOnlyList<BackendRunResult> results)
    {
        var rows = results.Where(r => r.Error is null && r.Metrics.Latency is { PerIntent.Count: > 0 }).ToList();
        if (rows.Count == 0) return "";
        var values = rows.Select(r => r.Metrics.Latency!.PerIntent).Select(l => new[] { l.P50, l.P90, l.P95, l.P99 }).ToList();
        var scale = ChartScale.For(values.SelectMany(v => v));

        var groupHeight = Names.Length * (Bar + Gap) - Gap;
        var height = Top + rows.Count * (groupHeight + GroupGap) + 30;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart\" role=\"img\" aria-label=\"{E($"Per-intent latency percentiles, {scenario}")}\" viewBox=\"0 0 {Width} {Fmt.Px(height)}\" width=\"{Width}\" height=\"{Fmt.Px(height)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < Names.Length; i++)
            svg.Append($"<rect x=\"{Fmt.Px(Left + i * 62)}\" y=\"8\" width=\"12\" height=\"12\" rx=\"2\" fill=\"{Palette.Percentiles[i]}\"/><text x=\"{Fmt.Px(Left + i * 62 + 17)}\" y=\"18\" class=\"sub\">{Names[i]}</text>");
        svg.Append($"<text x=\"{Right}\" y=\"18\" text-anchor=\"end\" class=\"sub\">ms per intent{(scale.Log ? " (log scale)" : "")}</text>");

        var bottom = height - 24;
        foreach (var tick in scale.Ticks())
        {
            var x = X(scale, tick);
            svg.Append($"<line x1=\"{Fmt.Px(x)}\" y1=\"{Top - 6}\" x2=\"{Fmt.Px(x)}\" y2=\"{Fmt.Px(bottom)}\" stroke=\"{Palette.Grid}\"/>");
            svg.Append($"<text x=\"{Fmt.Px(x)}\" y=\"{Fmt.Px(bottom + 15)}\" text-anchor=\"middle\" class=\"tick\">{Fmt.Tick(tick)}</text>");
        }

        var y = Top;
        for (var r = 0; r < rows.Count; r++)
        {
            svg.Append($"<text x=\"{Left - 10}\" y=\"{Fmt.Px(y + groupHeight / 2 + 4)}\" text-anchor=\"end\" class=\"lbl\">{E(rows[r].Label)}</text>");
            for (var i = 0; i < Names.Length; i++)
            {
                var top = y + i * (Bar + Gap);
                var x = X(scale, values[r][i]);
                svg.Append($"<rect x=\"{Left}\" y=\"{Fmt.Px(top)}\" width=\"{Fmt.Px(Math.Max(x - Left, 1))}\" height=\"{Bar}\" rx=\"1.5\" fill=\"{Palette.Percentiles[i]}\"><title>{E($"{rows[r].Label} {Names[i]}: {Fmt.Ms(values[r][i])} ms")}</title></rect>");
                if (i == Names.Length - 1 || i == 0)
                    svg.Append($"<text x=\"{Fmt.Px(x + 5)}\" y=\"{Fmt.Px(top + Bar - 1)}\" class=\"val\">{Names[i]} {Fmt.Ms(values[r][i])}</text>");
            }

            y += groupHeight + GroupGap;
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static double X(ChartScale scale, double value) => Left + scale.Fraction(value) * (Right - Left);
}
