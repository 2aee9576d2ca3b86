namespace Harness.Rendering;

/// <summary>
/// The sRGB transfer function (IEC 61966-2-1) between 8-bit codes and linear light. Decoding
/// is a 256-entry table; encoding finds the code whose interval holds the value (binary search
/// over the 255 decoded half-code thresholds), which is exactly rounding in the encoded domain and
/// makes decode-then-encode the identity on every code.
/// </summary>
internal static class Srgb
{
    /// <summary>Linear light of each 8-bit code.</summary>
    public static readonly double[] ToLinear = BuildDecodeTable();

    /// <summary>Linear light at code + ½ for codes 0..254: the rounding thresholds of <see cref="Encode"/>.</summary>
    private static readonly double[] Thresholds = BuildThresholds();

    /// <summary>Encoded value (0..1) to linear light.</summary>
    public static double Decode(double v) =>
        v <= 0.04045 ? v / 12.92 : DeterministicMath.Pow((v + 0.055) / 1.055, 2.4);

    /// <summary>Linear light to encoded value (0..1).</summary>
    public static double EncodeContinuous(double linear) =>
        linear <= 0.0031308 ? linear * 12.92 : 1.055 * DeterministicMath.Pow(linear, 1 / 2.4) - 0.055;

    /// <summary>Linear light to the nearest 8-bit code (values outside [0, 1] clip).</summary>
    public static byte Encode(double linear)
    {
        // Thresholds[c] separates code c from c + 1.
        int low = 0, high = 255;
        while (low < high)
        {
            var mid = (low + high) >> 1;
            if (linear < Thresholds[mid]) high = mid;
            else low = mid + 1;
        }
        return (byte)low;
    }

    private static double[] BuildDecodeTable()
    {
        var table = new double[256];
        for (var c = 0; c < 256; c++) table[c] = Decode(c / 255.0);
        return table;
    }

    private static double[] BuildThresholds()
    {
        var table = new double[255];
        for (var c = 0; c < 255; c++) table[c] = Decode((c + 0.5) / 255.0);
        return table;
    }
}
