using System.Text;
using Harness.Datasets;
using Harness.Formatting;
using Harness.Reports.Analysis;
using Harness.Runs;
using static Harness.Reports.Html.HtmlText;

namespace Harness.Reports.Html;

/// <summary>
/// Overall score (y) against a measure where lower is better (x, log scale): one point per backend
/// and scenario, coloured by backend and shaped by scenario, the Pareto front ringed and joined by
/// a dashed staircase, and the floor and the ceiling drawn as labelled horizontal lines.
/// </summary>
internal static class ParetoChart
{
    private const double Width = 560, Left = 58, Right = 540, Top = 40, Bottom = 270, Pad = 10, LegendColumn = 165;
    private static readonly string[] Shapes = ["circle", "square", "diamond", "triangle"];

    /// <param name="results">The run's results; those that ran and measured the axis become points, the ceiling aside.</param>
    /// <param name="baselines">Which results are the floor and the ceiling.</param>
    /// <param name="axis">What the x axis measures.</param>
    /// <param name="labels">Every backend label of the run, so a backend has the same colour in every chart.</param>
    /// <param name="scenarios">Every scenario of the run, so a scenario has the same shape in every chart.</param>
    public static string Render(IReadOnlyList<BackendRunResult> results, Baselines baselines, ParetoAxis axis, IReadOnlyList<string> labels, IReadOnlyList<string> scenarios)
    {
        var points = ParetoFront.Of(results, axis, baselines);
        if (points.IsEmpty) return $"<p class=\"muted\">No backend measured {E(axis.Title)}, so there is no chart against it.</p>";
        var scale = ChartScale.For(points.Select(p => p.Measure), log: true);
        double X(double value) => Left + Pad + scale.Fraction(value) * (Right - Left - 2 * Pad);
        var shown = labels.Where(l => points.Any(p => p.Result.Label == l)).ToList();
        var height = Bottom + 58 + Math.Ceiling(shown.Count / 3.0) * 18;

        var svg = new StringBuilder($"<svg class=\"chart pareto\" role=\"img\" aria-label=\"{E($"Overall score against {axis.Title}, Pareto front marked")}\" viewBox=\"0 0 {Width} {Fmt.Px(height)}\" width=\"{Width}\" height=\"{Fmt.Px(height)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        Key(svg, scenarios);
        Axes(svg, scale, axis, X);
        var ceiling = baselines.CeilingOf(results);
        var teacher = baselines.TeacherOf(results);
        if (ceiling is null || ceiling != teacher)
            Reference(svg, 1.0, $"teacher: {teacher?.Label ?? "ground truth"} {Fmt.Score(1)}", Palette.Teacher);
        if (ceiling is not null)
            Reference(svg, ceiling.Metrics.Subset(Subsets.AllRows).Overall, $"ceiling: {ceiling.Label} {Fmt.Score(ceiling.Metrics.Subset(Subsets.AllRows).Overall)}", Palette.Ceiling);
        if (baselines.FloorOf(results) is { } floor)
            Reference(svg, floor.Metrics.Subset(Subsets.AllRows).Overall, $"floor: {floor.Label} {Fmt.Score(floor.Metrics.Subset(Subsets.AllRows).Overall)}", Palette.Floor);
        Staircase(svg, [.. points.Where(p => p.OnFront).OrderBy(p => p.Measure).ThenByDescending(p => p.Score).Select(p => (X(p.Measure), Y(p.Score)))]);
        foreach (var p in points.OrderBy(p => p.OnFront))
        {
            var colour = Palette.Backends[Math.Max(0, IndexOf(labels, p.Result.Label)) % Palette.Backends.Length];
            var title = $"{p.Result.Label} · {p.Result.Metrics.Run.Scenario}: overall {Fmt.Score(p.Score)}, {axis.Name} {axis.Format(p.Measure)} {axis.Unit}{(p.OnFront ? " · on the Pareto front" : "")}";
            svg.Append(Marker(Shapes[Math.Max(0, IndexOf(scenarios, p.Result.Metrics.Run.Scenario)) % Shapes.Length], X(p.Measure), Y(p.Score), colour, p.OnFront, title));
            if (p.OnFront)
                svg.Append($"<text x=\"{Fmt.Px(X(p.Measure) + 9)}\" y=\"{Fmt.Px(Y(p.Score) - 7)}\" class=\"val\">{E(p.Result.Label)}</text>");
        }

        Legend(svg, shown, labels);
        return svg.Append("</svg>").ToString();
    }

    private static double Y(double score) => Bottom - Math.Clamp(score, 0, 1) * (Bottom - Top);

    private static void Key(StringBuilder svg, IReadOnlyList<string> scenarios)
    {
        var x = Left;
        for (var i = 0; i < scenarios.Count; i++)
        {
            svg.Append(Marker(Shapes[i % Shapes.Length], x + 5, 13, Palette.Muted, false, scenarios[i])).Append($"<text x=\"{Fmt.Px(x + 14)}\" y=\"17\" class=\"sub\">{E(scenarios[i])}</text>");
            x += 30 + scenarios[i].Length * 6.5;
        }

        svg.Append(Marker(Shapes[0], x + 5, 13, "#fff", true, "on the Pareto front")).Append($"<text x=\"{Fmt.Px(x + 16)}\" y=\"17\" class=\"sub\">on the Pareto front</text>");
    }

    private static void Axes(StringBuilder svg, ChartScale scale, ParetoAxis axis, Func<double, double> x)
    {
        for (var t = 0; t <= 10; t += 2)
        {
            var y = Y(t / 10.0);
            svg.Append($"<line x1=\"{Left}\" y1=\"{Fmt.Px(y)}\" x2=\"{Right}\" y2=\"{Fmt.Px(y)}\" stroke=\"{Palette.Grid}\"/><text x=\"{Left - 6}\" y=\"{Fmt.Px(y + 3.5)}\" text-anchor=\"end\" class=\"tick\">{Fmt.Num(t / 10.0, 1)}</text>");
        }

        foreach (var tick in scale.Ticks())
            svg.Append($"<line x1=\"{Fmt.Px(x(tick))}\" y1=\"{Top}\" x2=\"{Fmt.Px(x(tick))}\" y2=\"{Bottom}\" stroke=\"{Palette.Grid}\"/><text x=\"{Fmt.Px(x(tick))}\" y=\"{Bottom + 15}\" text-anchor=\"middle\" class=\"tick\">{Fmt.Tick(tick)}</text>");
        svg.Append($"<text x=\"{(Left + Right) / 2}\" y=\"{Bottom + 33}\" text-anchor=\"middle\" class=\"sub\">{E(axis.Title)}{(scale.Log ? ", log scale" : "")} — lower is better</text>");
        svg.Append($"<text transform=\"translate(16 {(Top + Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\" class=\"sub\">overall, all rows — higher is better</text>");
    }

    private static void Reference(StringBuilder svg, double score, string label, string colour)
    {
        var y = Y(score);
        svg.Append($"<line x1=\"{Left}\" y1=\"{Fmt.Px(y)}\" x2=\"{Right}\" y2=\"{Fmt.Px(y)}\" stroke=\"{colour}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"><title>{E(label)}</title></line>");
        svg.Append($"<text x=\"{Right}\" y=\"{Fmt.Px(y - 5)}\" text-anchor=\"end\" class=\"ref\" fill=\"{colour}\">{E(label)}</text>");
    }

    private static void Staircase(StringBuilder svg, IReadOnlyList<(double X, double Y)> front)
    {
        if (front.Count < 2) return;
        var path = new StringBuilder($"M{Fmt.Px(front[0].X)} {Fmt.Px(front[0].Y)}");
        foreach (var (x, y) in front.Skip(1)) path.Append($"H{Fmt.Px(x)}V{Fmt.Px(y)}");
        svg.Append($"<path d=\"{path}\" fill=\"none\" stroke=\"{Palette.Ink}\" stroke-opacity=\"0.45\" stroke-dasharray=\"3 3\"/>");
    }

    private static string Marker(string shape, double x, double y, string colour, bool ringed, string title)
    {
        var r = ringed ? 6.5 : 5;
        var style = ringed ? $"fill=\"{colour}\" stroke=\"{Palette.Ink}\" stroke-width=\"2\"" : $"fill=\"{colour}\" fill-opacity=\"0.7\"";
        var body = shape switch
        {
            "square" => $"<rect x=\"{Fmt.Px(x - r)}\" y=\"{Fmt.Px(y - r)}\" width=\"{Fmt.Px(2 * r)}\" height=\"{Fmt.Px(2 * r)}\" {style}>",
            "diamond" => $"<path d=\"M{Fmt.Px(x)} {Fmt.Px(y - r * 1.3)}L{Fmt.Px(x + r * 1.3)} {Fmt.Px(y)}L{Fmt.Px(x)} {Fmt.Px(y + r * 1.3)}L{Fmt.Px(x - r * 1.3)} {Fmt.Px(y)}Z\" {style}>",
            "triangle" => $"<path d=\"M{Fmt.Px(x)} {Fmt.Px(y - r * 1.2)}L{Fmt.Px(x + r * 1.2)} {Fmt.Px(y + r)}L{Fmt.Px(x - r * 1.2)} {Fmt.Px(y + r)}Z\" {style}>",
            _ => $"<circle cx=\"{Fmt.Px(x)}\" cy=\"{Fmt.Px(y)}\" r=\"{Fmt.Px(r)}\" {style}>",
        };
        var close = shape switch { "square" => "</rect>", "circle" => "</circle>", _ => "</path>" };
        return $"{body}<title>{E(title)}</title>{close}";
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<string> shown, IReadOnlyList<string> labels)
    {
        for (var i = 0; i < shown.Count; i++)
        {
            var (x, y) = (Left + i % 3 * LegendColumn, Bottom + 52 + i / 3 * 18);
            var colour = Palette.Backends[IndexOf(labels, shown[i]) % Palette.Backends.Length];
            svg.Append($"<circle cx=\"{Fmt.Px(x + 5)}\" cy=\"{Fmt.Px(y - 4)}\" r=\"5\" fill=\"{colour}\"/><text x=\"{Fmt.Px(x + 14)}\" y=\"{Fmt.Px(y)}\" class=\"sub\">{E(shown[i])}</text>");
        }
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == value) return i;
        return -1;
    }
}
