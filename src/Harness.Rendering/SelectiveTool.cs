using System.Collections.Immutable;

namespace Harness.Rendering;

/// <summary>
/// Selective adjust: per hue band (red 0°, orange 30°, yellow 60°, green 120°, cyan 180°,
/// blue 240° on the hexcone hue of linear sRGB) a saturation and a luminance change, weighted
/// by how much a pixel's hue belongs to the band (triangular, adjacent bands sum to 1; magenta,
/// 300°, belongs to none) and faded out towards grey.
/// </summary>
internal sealed class SelectiveTool
{
    /// <summary>Band centres in degrees, in the schema's colour order.</summary>
    internal static readonly double[] Centres = [0, 30, 60, 120, 180, 240];

    private readonly double[] _saturation = new double[6];
    private readonly double[] _luminance = new double[6];

    public SelectiveTool(ImmutableArray<double> values)
    {
        for (var band = 0; band < 6; band++)
        {
            _saturation[band] = values[2 * band] / 100;
            _luminance[band] = values[2 * band + 1] / 100;
        }
    }

    public void ApplyPoint(ref double r, ref double g, ref double b)
    {
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var chroma = max - min;
        if (chroma <= 0) return;
        var presence = Math.Min(1, chroma / max / 0.2);   // full effect from 20% saturation up
        double saturation = 0, luminance = 0;
        var hue = Hue(r, g, b, max, chroma);
        for (var band = 0; band < 6; band++)
        {
            var w = Weight(band, hue);
            if (w == 0) continue;
            saturation += w * _saturation[band];
            luminance += w * _luminance[band];
        }
        if (saturation != 0) AdjustTool.ScaleChroma(ref r, ref g, ref b, 1 + presence * saturation);
        if (luminance != 0)
        {
            var gain = 1 + 0.5 * presence * luminance;
            r = Math.Min(1, r * gain);
            g = Math.Min(1, g * gain);
            b = Math.Min(1, b * gain);
        }
    }

    /// <summary>Hexcone hue in degrees [0, 360).</summary>
    internal static double Hue(double r, double g, double b, double max, double chroma)
    {
        double h;
        if (max == r) h = 60 * ((g - b) / chroma);
        else if (max == g) h = 60 * ((b - r) / chroma + 2);
        else h = 60 * ((r - g) / chroma + 4);
        return h < 0 ? h + 360 : h;
    }

    /// <summary>How much hue <paramref name="h"/> belongs to a band: 1 at its centre, falling linearly to 0 at the neighbouring centres (at 300° between blue and red).</summary>
    internal static double Weight(int band, double h)
    {
        var centre = Centres[band];
        var previous = band == 0 ? -60 : Centres[band - 1];
        var next = band == 5 ? 300 : Centres[band + 1];
        if (band == 0 && h > 300) h -= 360;   // red's lower side runs from 300° (as -60°)
        if (h == centre) return 1;
        if (h > previous && h < centre) return (h - previous) / (centre - previous);
        if (h > centre && h < next) return (next - h) / (next - centre);
        return 0;
    }
}
