namespace Harness.Rendering;

/// <summary>
/// Relative luminance Y of linear sRGB (Rec. 709 weights) and CIE lightness L* scaled to
/// [0, 1] (L*/100), the perceptual axis the tone parameters bend. Deterministic: the cube root
/// is a bit-level guess refined by Newton steps.
/// </summary>
internal static class Lightness
{
    public const double Rw = 0.2126, Gw = 0.7152, Bw = 0.0722;
    private const double Epsilon = 216.0 / 24389.0, Kappa = 24389.0 / 27.0;

    public static double Luminance(double r, double g, double b) => Rw * r + Gw * g + Bw * b;

    /// <summary>L*/100 of a luminance in [0, 1].</summary>
    public static double FromLuminance(double y) =>
        y > Epsilon ? (116 * Cbrt(y) - 16) / 100 : y * Kappa / 100;

    /// <summary>Luminance of an L*/100 in [0, 1].</summary>
    public static double ToLuminance(double l)
    {
        var lStar = l * 100;
        if (lStar <= 8) return lStar / Kappa;
        var f = (lStar + 16) / 116;
        return f * f * f;
    }

    /// <summary>Cube root of a positive number: an exponent-thirds guess and five Newton steps (integer and IEEE operations only).</summary>
    public static double Cbrt(double x)
    {
        if (x <= 0) return 0;
        var y = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) / 3 + 0x2A9F76253119D328);
        for (var i = 0; i < 5; i++)
            y -= (y * y * y - x) / (3 * y * y);
        return y;
    }
}
