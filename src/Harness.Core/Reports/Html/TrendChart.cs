using System.Globalization;
using System.Text;
using Harness.Formatting;
using static Harness.Reports.Html.HtmlText;

namespace Harness.Reports.Html;

/// <summary>One point of a trend: a value at a time, its interval when it has one, ringed when promoted.</summary>
internal sealed record TrendPoint(DateTimeOffset At, double Value, double? Lower, double? Upper, bool Ringed, string Title);

/// <summary>One line of a trend chart, in time order.</summary>
internal sealed record TrendSeries(string Name, string Colour, IReadOnlyList<TrendPoint> Points);

/// <summary>
/// A value over time (the run history): one line per series, points in time order, interval
/// whiskers where the value has one, ringed points for promoted runs. The score axis zooms to the
/// values (a trend moves by hundredths, which a 0–1 axis would flatten) and says so; the latency
/// axis is <see cref="ChartScale"/>'s, from 0 or logarithmic.
/// </summary>
internal static class TrendChart
{
    private const double Width = 600, Left = 58, Right = 580, Top = 34, Bottom = 240, Pad = 16, LegendColumn = 190;

    /// <summary>Overall (all rows) with its interval; <paramref name="series"/> values in [0, 1].</summary>
    public static string Score(string backend, IReadOnlyList<TrendSeries> series)
    {
        var values = series.SelectMany(s => s.Points).SelectMany(p => new[] { p.Lower ?? p.Value, p.Upper ?? p.Value, p.Value }).ToList();
        var (lo, hi) = (values.Min(), values.Max());
        var step = hi - lo > 0.3 ? 0.1 : hi - lo > 0.1 ? 0.05 : 0.02;
        var min = Math.Max(0, Math.Floor(lo / step - 1e-9) * step);
        var max = Math.Min(1, Math.Ceiling(hi / step + 1e-9) * step);
        if (max - min < step) (min, max) = (Math.Max(0, max - step), Math.Max(max, step));
        double Y(double v) => Bottom - Math.Clamp((v - min) / (max - min), 0, 1) * (Bottom - Top);
        var ticks = Enumerable.Range(0, (int)Math.Round((max - min) / step) + 1).Select(i => Math.Round(min + i * step, 6));
        var axis = $"overall, all rows{(min > 0 ? " (axis from " + Fmt.Tick(min) + ")" : "")} — higher is better";
        return Render($"Overall score over time, {backend}", series, ticks, Y, axis, true);
    }

    /// <summary>Per-intent median latency in milliseconds.</summary>
    public static string Latency(string backend, IReadOnlyList<TrendSeries> series)
    {
        var scale = ChartScale.For(series.SelectMany(s => s.Points).Select(p => p.Value));
        double Y(double v) => Bottom - scale.Fraction(v) * (Bottom - Top);
        var axis = $"p50 ms per intent{(scale.Log ? ", log scale" : "")} — lower is better";
        return Render($"Median latency over time, {backend}", series, scale.Ticks(), Y, axis, false);
    }

    private static string Render(string label, IReadOnlyList<TrendSeries> series, IEnumerable<double> yTicks, Func<double, double> y, string yTitle, bool whiskers)
    {
        var times = series.SelectMany(s => s.Points).Select(p => p.At).ToList();
        var (first, last) = (times.Min(), times.Max());
        var span = (last - first).TotalSeconds;
        double X(DateTimeOffset at) => span <= 0 ? (Left + Right) / 2 : Left + Pad + (at - first).TotalSeconds / span * (Right - Left - 2 * Pad);
        var height = Bottom + 50 + Math.Ceiling((series.Count + 1) / 3.0) * 18;

        var svg = new StringBuilder($"<svg class=\"chart trend\" role=\"img\" aria-label=\"{E(label)}\" viewBox=\"0 0 {Width} {Fmt.Px(height)}\" width=\"{Width}\" height=\"{Fmt.Px(height)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        foreach (var tick in yTicks)
            svg.Append($"<line x1=\"{Left}\" y1=\"{Fmt.Px(y(tick))}\" x2=\"{Right}\" y2=\"{Fmt.Px(y(tick))}\" stroke=\"{Palette.Grid}\"/><text x=\"{Left - 6}\" y=\"{Fmt.Px(y(tick) + 3.5)}\" text-anchor=\"end\" class=\"tick\">{Fmt.Tick(tick)}</text>");
        foreach (var at in TimeTicks(times, span))
            svg.Append($"<line x1=\"{Fmt.Px(X(at))}\" y1=\"{Top}\" x2=\"{Fmt.Px(X(at))}\" y2=\"{Bottom}\" stroke=\"{Palette.Grid}\"/><text x=\"{Fmt.Px(X(at))}\" y=\"{Bottom + 15}\" text-anchor=\"middle\" class=\"tick\">{E(Time(at, span))}</text>");
        svg.Append($"<text x=\"{(Left + Right) / 2}\" y=\"{Bottom + 31}\" text-anchor=\"middle\" class=\"sub\">run start (UTC)</text>");
        svg.Append($"<text x=\"{Left}\" y=\"18\" class=\"sub\">{E(yTitle)}</text>");

        foreach (var s in series)
        {
            var points = s.Points.OrderBy(p => p.At).ToList();
            if (points.Count > 1)
                svg.Append($"<path d=\"M{string.Join("L", points.Select(p => $"{Fmt.Px(X(p.At))} {Fmt.Px(y(p.Value))}"))}\" fill=\"none\" stroke=\"{s.Colour}\" stroke-width=\"2\"/>");
            foreach (var p in points)
            {
                var x = X(p.At);
                if (whiskers && p.Lower is { } lower && p.Upper is { } upper)
                    svg.Append($"<path class=\"whisker\" d=\"M{Fmt.Px(x)} {Fmt.Px(y(lower))}V{Fmt.Px(y(upper))}M{Fmt.Px(x - 4)} {Fmt.Px(y(lower))}H{Fmt.Px(x + 4)}M{Fmt.Px(x - 4)} {Fmt.Px(y(upper))}H{Fmt.Px(x + 4)}\" stroke=\"{s.Colour}\"/>");
                var style = p.Ringed ? $"r=\"6.5\" fill=\"{s.Colour}\" stroke=\"{Palette.Ink}\" stroke-width=\"2\"" : $"r=\"5\" fill=\"{s.Colour}\"";
                svg.Append($"<circle class=\"point\" cx=\"{Fmt.Px(x)}\" cy=\"{Fmt.Px(y(p.Value))}\" {style}><title>{E(p.Title)}</title></circle>");
            }
        }

        Legend(svg, series);
        return svg.Append("</svg>").ToString();
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<TrendSeries> series)
    {
        var items = series.Select(s => (s.Name, s.Colour, Ringed: false)).Append((Name: "promoted", Colour: "#fff", Ringed: true)).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var (x, yy) = (Left + i % 3 * LegendColumn, Bottom + 50 + i / 3 * 18);
            var ring = items[i].Ringed ? $" stroke=\"{Palette.Ink}\" stroke-width=\"2\"" : "";
            svg.Append($"<circle cx=\"{Fmt.Px(x + 5)}\" cy=\"{Fmt.Px(yy - 4)}\" r=\"5\" fill=\"{items[i].Colour}\"{ring}/><text x=\"{Fmt.Px(x + 14)}\" y=\"{Fmt.Px(yy)}\" class=\"sub\">{E(items[i].Name)}</text>");
        }
    }

    /// <summary>
    /// The runs' own start times when there are at most six, else five evenly spaced times; a tick
    /// whose label repeats the one before is left out.
    /// </summary>
    private static IEnumerable<DateTimeOffset> TimeTicks(IReadOnlyList<DateTimeOffset> times, double spanSeconds)
    {
        var distinct = times.Distinct().Order().ToList();
        var (first, last) = (distinct[0], distinct[^1]);
        var ticks = distinct.Count <= 6 ? distinct : [.. Enumerable.Range(0, 5).Select(i => first + (last - first) * i / 4)];
        return ticks.Where((at, i) => i == 0 || Time(at, spanSeconds) != Time(ticks[i - 1], spanSeconds));
    }

    private static string Time(DateTimeOffset at, double spanSeconds) =>
        at.UtcDateTime.ToString(spanSeconds < 7 * 86400 ? "MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
