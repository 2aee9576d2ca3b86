namespace Harness.Reports.Html;

/// <summary>
/// An axis from <see cref="Min"/> to <see cref="Max"/>: linear from 0 with a round step, or
/// logarithmic over whole decades. Values outside are clamped to its ends, so a zero on a
/// logarithmic axis sits at its start.
/// </summary>
internal sealed record ChartScale(bool Log, double Min, double Max)
{
    /// <summary>Logarithmic when the positive values span more than 30×, or when <paramref name="log"/> asks for it.</summary>
    public static ChartScale For(IEnumerable<double> values, bool log = false)
    {
        var positive = values.Where(v => v > 0).ToList();
        if (positive.Count == 0) return new ChartScale(false, 0, 1);
        var (lo, hi) = (positive.Min(), positive.Max());
        if (log || hi / lo > 30)
        {
            var (min, max) = (Math.Pow(10, Math.Floor(Math.Log10(lo))), Math.Pow(10, Math.Ceiling(Math.Log10(hi))));
            return new ChartScale(true, min, max > min ? max : min * 10);
        }

        var step = NiceStep(hi / 5);
        return new ChartScale(false, 0, Math.Ceiling(hi / step) * step);
    }

    /// <summary>Where <paramref name="value"/> lies along the axis, from 0 (start) to 1 (end).</summary>
    public double Fraction(double value) => Log
        ? Math.Clamp((Math.Log10(Math.Max(value, Min)) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min)), 0, 1)
        : Math.Clamp(value / Max, 0, 1);

    public IEnumerable<double> Ticks()
    {
        if (Log)
        {
            for (var t = Min; t <= Max * 1.0001; t *= 10) yield return t;
            yield break;
        }

        var step = NiceStep(Max / 5);
        for (var t = 0.0; t <= Max * 1.0001; t += step) yield return Math.Round(t, 6);
    }

    private static double NiceStep(double raw)
    {
        if (raw <= 0) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var unit = raw / magnitude;
        return magnitude * (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10);
    }
}
