namespace Harness.Reports.Html;

/// <summary>Colours shared by the CSS and the SVG charts (colour-blind friendly, Okabe–Ito based).</summary>
internal static class Palette
{
    public const string Overall = "#3b5bdb";
    public const string Adjust = "#0f9d76";
    public const string Selective = "#e69f00";
    public const string Filter = "#cc4b8c";
    public const string Grid = "#e3e6ee";
    public const string Axis = "#8a90a2";
    public const string Ink = "#1d2433";
    public const string Muted = "#5f6678";
    public const string Floor = "#d9480f";
    public const string Ceiling = "#2b8a3e";
    public const string Teacher = "#5f3dc4";

    /// <summary>p50, p90, p95, p99: light to dark.</summary>
    public static readonly string[] Percentiles = ["#a5d8ff", "#4dabf7", "#1c7ed6", "#0b3d91"];

    /// <summary>One colour per backend (Okabe–Ito), repeating after eight.</summary>
    public static readonly string[] Backends = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#8c6d1f", "#000000"];
}
