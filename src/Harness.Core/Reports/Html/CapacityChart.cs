using System.Text;
using Harness.Formatting;
using Harness.Runs;
using static Harness.Reports.Html.HtmlText;

namespace Harness.Reports.Html;

/// <summary>
/// The server scenario's peak finding, per backend: the tail latency of each probe against its
/// offered load, one line per backend, with the bound dashed across and each capacity marked.
/// Either axis turns logarithmic when its values span more than 30× (a ramp of doublings does).
/// </summary>
internal static class CapacityChart
{
    private const double Left = 70, Right = 690, Width = 780, Top = 36, Plot = 220;

    public static string Render(IReadOnlyList<BackendRunResult> results)
    {
        var rows = results.Where(r => r.Error is null && r.Metrics.Server?.Peak is { Probes.Length: > 0 }).ToList();
        if (rows.Count == 0) return "";
        var server = rows[0].Metrics.Server!;
        var probes = rows.SelectMany(r => r.Metrics.Server!.Peak!.Probes).ToList();
        var x = ChartScale.For(probes.Select(p => p.TargetQps).Append(0.0));
        var y = ChartScale.For(probes.SelectMany(p => p.PercentileCi95Ms is { } ci ? [p.PercentileMs, ci.Lower, ci.Upper] : new[] { p.PercentileMs }).Append(server.LatencyBoundMs));
        var bottom = Top + Plot;
        double X(double v) => Left + x.Fraction(v) * (Right - Left);
        double Y(double v) => bottom - y.Fraction(v) * Plot;
        var name = "p" + Fmt.Num(server.Percentile, 3);

        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart\" role=\"img\" aria-label=\"{E($"{name} latency against offered load")}\" viewBox=\"0 0 {Width} {Fmt.Px(bottom + 40)}\" width=\"{Width}\" height=\"{Fmt.Px(bottom + 40)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append($"<text x=\"{Left}\" y=\"18\" class=\"sub\">{E(name)} ms per intent{(y.Log ? " (log scale)" : "")} against offered intents/s{(x.Log ? " (log scale)" : "")}</text>");
        foreach (var t in y.Ticks())
            svg.Append($"<line x1=\"{Left}\" y1=\"{Fmt.Px(Y(t))}\" x2=\"{Right}\" y2=\"{Fmt.Px(Y(t))}\" stroke=\"{Palette.Grid}\"/><text x=\"{Left - 6}\" y=\"{Fmt.Px(Y(t) + 4)}\" text-anchor=\"end\" class=\"sub\">{Fmt.Tick(t)}</text>");
        foreach (var t in x.Ticks())
            svg.Append($"<text x=\"{Fmt.Px(X(t))}\" y=\"{Fmt.Px(bottom + 16)}\" text-anchor=\"middle\" class=\"sub\">{Fmt.Tick(t)}</text>");
        svg.Append($"<line x1=\"{Left}\" y1=\"{Fmt.Px(Y(server.LatencyBoundMs))}\" x2=\"{Right}\" y2=\"{Fmt.Px(Y(server.LatencyBoundMs))}\" stroke=\"#c92a2a\" stroke-dasharray=\"6 4\"/>");
        svg.Append($"<text x=\"{Right}\" y=\"{Fmt.Px(Y(server.LatencyBoundMs) - 4)}\" text-anchor=\"end\" class=\"sub\">bound {Fmt.Ms(server.LatencyBoundMs)} ms</text>");
        for (var i = 0; i < rows.Count; i++)
        {
            var colour = Palette.Backends[i % Palette.Backends.Length];
            var peak = rows[i].Metrics.Server!.Peak!;
            var points = string.Join(" ", peak.Probes.Select(p => $"{Fmt.Px(X(p.TargetQps))},{Fmt.Px(Y(p.PercentileMs))}"));
            svg.Append($"<polyline points=\"{points}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"/>");
            // Each probe's tail with its 95% interval (order statistics): a short tail measurement is that uncertain.
            foreach (var p in peak.Probes.Where(p => p.PercentileCi95Ms is not null))
                svg.Append($"<line class=\"ci\" x1=\"{Fmt.Px(X(p.TargetQps))}\" y1=\"{Fmt.Px(Y(p.PercentileCi95Ms!.Lower))}\" x2=\"{Fmt.Px(X(p.TargetQps))}\" y2=\"{Fmt.Px(Y(p.PercentileCi95Ms.Upper))}\" stroke=\"{colour}\" stroke-opacity=\"0.5\"/>");
            foreach (var p in peak.Probes)
                svg.Append($"<circle cx=\"{Fmt.Px(X(p.TargetQps))}\" cy=\"{Fmt.Px(Y(p.PercentileMs))}\" r=\"3.5\" fill=\"{(p.Valid ? colour : "#fff")}\" stroke=\"{colour}\"><title>{E(rows[i].Label)}: {Fmt.Rate(p.TargetQps)}/s, {E(name)} {Fmt.Ms(p.PercentileMs)} ms{(p.PercentileCi95Ms is { } ci ? $" [{Fmt.Ms(ci.Lower)}, {Fmt.Ms(ci.Upper)}]" : "")}, {(p.Valid ? "VALID" : "INVALID")}</title></circle>");
            var label = peak.CapacityQps is { } c ? $"{rows[i].Label}: capacity {(peak.Bracketed ? "" : "≥ ")}{Fmt.Rate(c)}/s" : $"{rows[i].Label}: no VALID rate";
            if (peak.CapacityQps is { } capacity)
                svg.Append($"<line x1=\"{Fmt.Px(X(capacity))}\" y1=\"{Top}\" x2=\"{Fmt.Px(X(capacity))}\" y2=\"{Fmt.Px(bottom)}\" stroke=\"{colour}\" stroke-dasharray=\"2 3\"/>");
            svg.Append($"<text x=\"{Left + 8}\" y=\"{Fmt.Px(Top + 14 + i * 14)}\" class=\"sub\" fill=\"{colour}\">{E(label)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }
}
