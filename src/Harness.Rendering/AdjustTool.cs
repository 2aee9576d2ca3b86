using System.Collections.Immutable;
using Harness.Tools;

namespace Harness.Rendering;

/// <summary>
/// The adjust tool's 14 parameters on linear-light sRGB planes. Point operations run per pixel
/// in a fixed order (linearOffset, exposure, temperature/tint, the tone curve of contrast,
/// brightness, highlights and shadows on L*, then hue, saturation and vibrance around the
/// luminance); the spatial ones (sharpen, structure, bloom) run on the whole image after them.
/// A parameter at 0 is skipped. README.md of this project gives each formula.
/// </summary>
internal sealed class AdjustTool
{
    private readonly double _offset, _gainR, _gainG, _gainB;
    private readonly double _contrast, _brightness, _highlights, _shadows;
    private readonly double _saturation, _vibrance;
    private readonly double[]? _hue;   // 3×3 rotation about the grey axis, row-major
    private readonly double _sharpen, _structure, _bloom;
    private readonly bool _tone, _colour, _white;

    public AdjustTool(ImmutableArray<double> values)
    {
        double P(string name) => values[ToolSchema.AdjustParameters.IndexOf(name)] / 100;
        _offset = 0.04 * P("linearOffset");

        var exposure = DeterministicMath.Exp2(2 * P("exposure"));
        // White balance: temperature trades red against blue, tint green against magenta, at
        // the same luminance of white (gains normalised by Rec. 709 weights).
        var temperature = P("temperature");
        var tint = P("tint");
        var r = DeterministicMath.Exp2(0.5 * temperature + 0.25 * tint);
        var g = DeterministicMath.Exp2(-0.5 * tint);
        var b = DeterministicMath.Exp2(-0.5 * temperature + 0.25 * tint);
        var white = Lightness.Luminance(r, g, b);
        _white = temperature != 0 || tint != 0 || exposure != 1;
        _gainR = exposure * r / white;
        _gainG = exposure * g / white;
        _gainB = exposure * b / white;

        _contrast = P("contrast");
        _brightness = P("brightness");
        _highlights = P("highlights");
        _shadows = P("shadows");
        _tone = _contrast != 0 || _brightness != 0 || _highlights != 0 || _shadows != 0;

        _saturation = P("saturation");
        _vibrance = P("vibrance");
        var hue = P("hue");
        if (hue != 0) _hue = HueRotation(hue * Math.PI / 6);   // ±30°
        _colour = _saturation != 0 || _vibrance != 0 || _hue is not null;

        _sharpen = P("sharpen");
        _structure = P("structure");
        _bloom = P("bloom");
    }

    /// <summary>True when some parameter needs neighbouring pixels (sharpen, structure, bloom).</summary>
    public bool IsSpatial => _sharpen != 0 || _structure != 0 || _bloom != 0;

    /// <summary>Applies the per-pixel parameters to one linear colour.</summary>
    public void ApplyPoint(ref double r, ref double g, ref double b)
    {
        if (_offset > 0)
        {
            r = _offset + r * (1 - _offset);
            g = _offset + g * (1 - _offset);
            b = _offset + b * (1 - _offset);
        }
        else if (_offset < 0)
        {
            r = Math.Max(0, (r + _offset) / (1 + _offset));
            g = Math.Max(0, (g + _offset) / (1 + _offset));
            b = Math.Max(0, (b + _offset) / (1 + _offset));
        }
        if (_white)
        {
            r = Math.Min(1, r * _gainR);
            g = Math.Min(1, g * _gainG);
            b = Math.Min(1, b * _gainB);
        }
        if (_tone)
        {
            var y = Lightness.Luminance(r, g, b);
            var l = Lightness.FromLuminance(y);
            ScaleToLuminance(ref r, ref g, ref b, y, Lightness.ToLuminance(ToneCurve(l)));
        }
        if (_colour)
        {
            if (_hue is { } m)
            {
                var (r0, g0, b0) = (r, g, b);
                r = Math.Clamp(m[0] * r0 + m[1] * g0 + m[2] * b0, 0, 1);
                g = Math.Clamp(m[3] * r0 + m[4] * g0 + m[5] * b0, 0, 1);
                b = Math.Clamp(m[6] * r0 + m[7] * g0 + m[8] * b0, 0, 1);
            }
            var k = 1 + _saturation;
            if (_vibrance != 0)
            {
                var max = Math.Max(r, Math.Max(g, b));
                var min = Math.Min(r, Math.Min(g, b));
                var muted = max > 0 ? 1 - (max - min) / max : 1;
                k *= 1 + _vibrance * muted * muted;
            }
            ScaleChroma(ref r, ref g, ref b, k);
        }
    }

    /// <summary>Applies sharpen, structure and bloom to whole planes (after <see cref="ApplyPoint"/> on every pixel).</summary>
    public void ApplySpatial(double[] r, double[] g, double[] b, int width, int height)
    {
        var longSide = Math.Max(width, height);
        if (_sharpen != 0 || _structure != 0)
        {
            var l = new double[r.Length];
            for (var i = 0; i < l.Length; i++) l[i] = Lightness.FromLuminance(Lightness.Luminance(r[i], g[i], b[i]));
            var fine = _sharpen != 0 ? BoxBlur.Blur(l, width, height, 1, 2) : null;
            var coarse = _structure != 0 ? BoxBlur.Blur(l, width, height, Math.Max(2, (int)Math.Round(longSide * 0.02)), 3) : null;
            var sharpen = _sharpen > 0 ? 1.5 * _sharpen : _sharpen;
            for (var i = 0; i < l.Length; i++)
            {
                var detail = l[i];
                if (fine is not null) detail += sharpen * (l[i] - fine[i]);
                if (coarse is not null) detail += _structure * (l[i] - coarse[i]);
                var y = Lightness.Luminance(r[i], g[i], b[i]);
                double ri = r[i], gi = g[i], bi = b[i];
                ScaleToLuminance(ref ri, ref gi, ref bi, y, Lightness.ToLuminance(Math.Clamp(detail, 0, 1)));
                (r[i], g[i], b[i]) = (ri, gi, bi);
            }
        }
        if (_bloom != 0)
        {
            // Glow: the bright part of the image (L* above 60, smoothly) blurred wide and added in linear light.
            var radius = Math.Max(2, (int)Math.Round(longSide * 0.04));
            var weight = new double[r.Length];
            for (var i = 0; i < weight.Length; i++)
            {
                var t = Math.Clamp((Lightness.FromLuminance(Lightness.Luminance(r[i], g[i], b[i])) - 0.6) / 0.4, 0, 1);
                weight[i] = t * t * (3 - 2 * t);
            }
            var glowR = BoxBlur.Blur(Multiply(r, weight), width, height, radius, 3);
            var glowG = BoxBlur.Blur(Multiply(g, weight), width, height, radius, 3);
            var glowB = BoxBlur.Blur(Multiply(b, weight), width, height, radius, 3);
            var amount = 0.8 * _bloom;
            for (var i = 0; i < r.Length; i++)
            {
                r[i] = Math.Clamp(r[i] + amount * glowR[i], 0, 1);
                g[i] = Math.Clamp(g[i] + amount * glowG[i], 0, 1);
                b[i] = Math.Clamp(b[i] + amount * glowB[i], 0, 1);
            }
        }
    }

    /// <summary>The tone curve on L*/100: shadows, highlights, brightness, then contrast; each keeps 0 and 1 and is monotone.</summary>
    private double ToneCurve(double l)
    {
        if (_shadows != 0) l += _shadows * l * (1 - l) * (1 - l);
        if (_highlights != 0) l += _highlights * l * l * (1 - l);
        if (_brightness != 0) l += 0.6 * _brightness * l * (1 - l);
        if (_contrast > 0) l += _contrast * (l * l * (3 - 2 * l) - l);
        else if (_contrast < 0) l = 0.5 + (l - 0.5) * (1 + 0.5 * _contrast);
        return Math.Clamp(l, 0, 1);
    }

    /// <summary>Moves a colour to a new luminance keeping its channel ratios (grey where it had none).</summary>
    internal static void ScaleToLuminance(ref double r, ref double g, ref double b, double y, double target)
    {
        if (y > 1e-9)
        {
            var scale = target / y;
            r = Math.Min(1, r * scale);
            g = Math.Min(1, g * scale);
            b = Math.Min(1, b * scale);
        }
        else
        {
            r = g = b = target;
        }
    }

    /// <summary>Scales a colour's distance from its grey (same luminance) by <paramref name="k"/>, clipped to [0, 1].</summary>
    internal static void ScaleChroma(ref double r, ref double g, ref double b, double k)
    {
        var y = Lightness.Luminance(r, g, b);
        r = Math.Clamp(y + (r - y) * k, 0, 1);
        g = Math.Clamp(y + (g - y) * k, 0, 1);
        b = Math.Clamp(y + (b - y) * k, 0, 1);
    }

    private static double[] Multiply(double[] a, double[] w)
    {
        var result = new double[a.Length];
        for (var i = 0; i < a.Length; i++) result[i] = a[i] * w[i];
        return result;
    }

    /// <summary>Rotation by <paramref name="angle"/> radians about the grey axis (1, 1, 1): red turns towards yellow and green for a positive angle.</summary>
    private static double[] HueRotation(double angle)
    {
        var c = DeterministicMath.Cos(angle);
        var s = DeterministicMath.Sin(angle) / Math.Sqrt(3);
        var t = (1 - c) / 3;
        return
        [
            c + t, t - s, t + s,
            t + s, c + t, t - s,
            t - s, t + s, c + t,
        ];
    }
}
