using System.Globalization;
using Harness.Metrics;

namespace Harness.Formatting;

/// <summary>
/// The one number formatter of the text the harness writes (reports, gate messages): always the
/// invariant culture, and one format per kind of number, so a score reads the same everywhere.
/// </summary>
internal static class Fmt
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A score in [0, 1] with three decimals.</summary>
    public static string Score(double value) => value.ToString("0.000", Inv);

    /// <summary>
    /// A difference of scores with its sign and three decimals: <c>+0.012</c>, <c>-0.020</c>. The minus
    /// is the ASCII hyphen-minus in every report and gate message (terminals and diffs read it, and
    /// a reader can paste it back as a number); zero reads <c>+0.000</c>.
    /// </summary>
    public static string Signed(double value) => (value >= 0 ? "+" : "-") + Score(Math.Abs(value));

    /// <summary>An interval as <c>[lo, hi]</c>, or an empty string when absent.</summary>
    public static string Ci(Interval? ci) => ci is null ? "" : $"[{Score(ci.Lower)}, {Score(ci.Upper)}]";

    /// <summary>Milliseconds: three decimals below 0.1 ms, two below 10 ms, one below 1,000 ms, none above.</summary>
    public static string Ms(double value) =>
        value < 0.1 ? value.ToString("0.000", Inv) : value < 10 ? value.ToString("0.00", Inv) : value < 1000 ? value.ToString("0.0", Inv) : value.ToString("#,0", Inv);

    /// <summary>US dollars with enough decimals to show small local costs (two significant digits below a cent).</summary>
    public static string Usd(double value) =>
        value >= 1 ? value.ToString("#,0.00", Inv)
        : value >= 0.01 || value <= 0 ? value.ToString("0.0000", Inv)
        : value.ToString("0." + new string('0', Math.Min(12, 1 - (int)Math.Floor(Math.Log10(value)))), Inv);

    /// <summary>A CIEDE2000 colour difference with two decimals (about 2.3 is one just-noticeable difference).</summary>
    public static string DeltaE(double value) => value.ToString("0.00", Inv);

    /// <summary>An interval of ΔE as <c>[lo, hi]</c>, or an empty string when absent.</summary>
    public static string DeltaECi(Interval? ci) => ci is null ? "" : $"[{DeltaE(ci.Lower)}, {DeltaE(ci.Upper)}]";

    /// <summary>A filter-intensity error (on the 0-100 intensity scale) with one decimal.</summary>
    public static string Mae(double value) => value.ToString("0.0", Inv);

    /// <summary>A rate as a percentage with one decimal.</summary>
    public static string Percent(double rate) => (rate * 100).ToString("0.0", Inv) + "%";

    /// <summary>A share that may leave [0, 1] (gap closed) as a whole percentage, e.g. <c>71%</c>, <c>-5%</c>.</summary>
    public static string WholePercent(double share) => (share * 100).ToString("0", Inv) + "%";

    /// <summary>A share as a percentage rounded down to one decimal, so only a whole agreement reads 100%.</summary>
    public static string Share(double rate) =>
        rate >= 1 ? "100%" : (Math.Floor(rate * 1000) / 10).ToString("0.0", Inv) + "%";

    /// <summary>A plain number with up to <paramref name="decimals"/> decimals.</summary>
    public static string Num(double value, int decimals = 2) => Math.Round(value, decimals).ToString(Inv);

    /// <summary>A number for SVG coordinates (two decimals at most).</summary>
    public static string Px(double value) => Math.Round(value, 2).ToString(Inv);

    /// <summary>An axis tick: no trailing zeros, thousands separated.</summary>
    public static string Tick(double value) =>
        value >= 1000 ? value.ToString("#,0", Inv)
        : value <= 0 || value >= 1 ? value.ToString("0.###", Inv)
        : value.ToString("0." + new string('#', Math.Min(12, -(int)Math.Floor(Math.Log10(value)) + 2)), Inv);

    /// <summary>A rate per second: thousands separated, two decimals below 100.</summary>
    public static string Rate(double value) => value.ToString(value >= 100 ? "#,0" : "0.00", Inv);

    public static string Int(int value) => value.ToString("#,0", Inv);
}
