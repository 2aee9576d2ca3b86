namespace Harness.Rendering;

/// <summary>
/// CIEDE2000 colour difference (Sharma, Wu and Dalal 2005, with kL = kC = kH = 1) and the mean
/// difference between two renders: each 8-bit sRGB pixel to CIELAB (D65 white, IEC 61966-2-1
/// primaries), the pixelwise ΔE00 averaged in pixel order. A metric, not pixels: it uses the
/// platform's maths library.
/// </summary>
public static class DeltaE2000
{
    private const double Pow25To7 = 6103515625.0;   // 25^7

    /// <summary>CIELAB of an 8-bit sRGB colour (D65).</summary>
    public static (double L, double A, double B) Lab(byte r, byte g, byte b)
    {
        var rl = Srgb.ToLinear[r];
        var gl = Srgb.ToLinear[g];
        var bl = Srgb.ToLinear[b];
        var x = (0.4124564 * rl + 0.3575761 * gl + 0.1804375 * bl) / 0.95047;
        var y = 0.2126729 * rl + 0.7151522 * gl + 0.0721750 * bl;
        var z = (0.0193339 * rl + 0.1191920 * gl + 0.9503041 * bl) / 1.08883;
        double F(double t) => t > 216.0 / 24389.0 ? Math.Cbrt(t) : (24389.0 / 27.0 * t + 16) / 116;
        var fx = F(x);
        var fy = F(y);
        var fz = F(z);
        return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    /// <summary>CIELAB of every pixel of an image, three numbers a pixel.</summary>
    public static double[] Lab(RgbaImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var lab = new double[image.PixelCount * 3];
        var p = image.Pixels;
        for (var i = 0; i < image.PixelCount; i++)
            (lab[3 * i], lab[3 * i + 1], lab[3 * i + 2]) = Lab(p[4 * i], p[4 * i + 1], p[4 * i + 2]);
        return lab;
    }

    /// <summary>Mean ΔE00 between two images of the same size.</summary>
    public static double Mean(RgbaImage first, RgbaImage second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Width != second.Width || first.Height != second.Height)
            throw new ArgumentException($"Images differ in size: {first.Width}×{first.Height} and {second.Width}×{second.Height}.", nameof(second));
        double sum = 0;
        var p = first.Pixels;
        var q = second.Pixels;
        for (var i = 0; i < p.Length; i += 4)
        {
            if (p[i] == q[i] && p[i + 1] == q[i + 1] && p[i + 2] == q[i + 2]) continue;
            var (l1, a1, b1) = Lab(p[i], p[i + 1], p[i + 2]);
            var (l2, a2, b2) = Lab(q[i], q[i + 1], q[i + 2]);
            sum += Difference(l1, a1, b1, l2, a2, b2);
        }
        return sum / first.PixelCount;
    }

    /// <summary>ΔE00 between two CIELAB colours.</summary>
    public static double Difference(double l1, double a1, double b1, double l2, double a2, double b2)
    {
        var c1 = Math.Sqrt(a1 * a1 + b1 * b1);
        var c2 = Math.Sqrt(a2 * a2 + b2 * b2);
        var cBar7 = Pow7((c1 + c2) / 2);
        var g = 0.5 * (1 - Math.Sqrt(cBar7 / (cBar7 + Pow25To7)));
        var a1p = (1 + g) * a1;
        var a2p = (1 + g) * a2;
        var c1p = Math.Sqrt(a1p * a1p + b1 * b1);
        var c2p = Math.Sqrt(a2p * a2p + b2 * b2);
        var h1p = HueDegrees(b1, a1p);
        var h2p = HueDegrees(b2, a2p);

        var dLp = l2 - l1;
        var dCp = c2p - c1p;
        var product = c1p * c2p;
        double dhp = 0;
        if (product != 0)
        {
            dhp = h2p - h1p;
            if (dhp > 180) dhp -= 360;
            else if (dhp < -180) dhp += 360;
        }
        var dHp = 2 * Math.Sqrt(product) * Math.Sin(Radians(dhp / 2));

        var lBarP = (l1 + l2) / 2;
        var cBarP = (c1p + c2p) / 2;
        double hBarP;
        if (product == 0) hBarP = h1p + h2p;
        else if (Math.Abs(h1p - h2p) <= 180) hBarP = (h1p + h2p) / 2;
        else if (h1p + h2p < 360) hBarP = (h1p + h2p + 360) / 2;
        else hBarP = (h1p + h2p - 360) / 2;

        var t = 1 - 0.17 * Math.Cos(Radians(hBarP - 30)) + 0.24 * Math.Cos(Radians(2 * hBarP))
                + 0.32 * Math.Cos(Radians(3 * hBarP + 6)) - 0.20 * Math.Cos(Radians(4 * hBarP - 63));
        var hShift = (hBarP - 275) / 25;
        var dTheta = 30 * Math.Exp(-hShift * hShift);
        var cBarP7 = Pow7(cBarP);
        var rc = 2 * Math.Sqrt(cBarP7 / (cBarP7 + Pow25To7));
        var lm50 = (lBarP - 50) * (lBarP - 50);
        var sl = 1 + 0.015 * lm50 / Math.Sqrt(20 + lm50);
        var sc = 1 + 0.045 * cBarP;
        var sh = 1 + 0.015 * cBarP * t;
        var rt = -Math.Sin(Radians(2 * dTheta)) * rc;

        var tl = dLp / sl;
        var tc = dCp / sc;
        var th = dHp / sh;
        return Math.Sqrt(tl * tl + tc * tc + th * th + rt * tc * th);
    }

    private static double HueDegrees(double b, double a)
    {
        if (a == 0 && b == 0) return 0;
        var h = Math.Atan2(b, a) * 180 / Math.PI;
        return h < 0 ? h + 360 : h;
    }

    private static double Pow7(double x)
    {
        var x2 = x * x;
        return x2 * x2 * x2 * x;
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
