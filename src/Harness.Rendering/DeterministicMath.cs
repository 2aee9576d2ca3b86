namespace Harness.Rendering;

/// <summary>
/// The few transcendental functions the renderer needs, written with IEEE-754 additions,
/// multiplications, divisions and <see cref="Math.ScaleB"/> only, in a fixed order. The
/// platform's <see cref="Math.Pow(double, double)"/> and friends may differ in the last bit between C
/// libraries; these give the same bits everywhere, so a render is the same bytes on every machine.
/// Accurate to a few units in the last place, which is far below what an 8-bit result can show.
/// </summary>
internal static class DeterministicMath
{
    private const double Ln2 = 0.6931471805599453;

    /// <summary>2 to the power <paramref name="x"/> (|x| below 1000).</summary>
    public static double Exp2(double x)
    {
        var whole = Math.Floor(x);
        var t = (x - whole) * Ln2;   // in [0, ln 2)
        // e^t by its Taylor series: 20 terms reach double precision for t < 0.7.
        double sum = 1, term = 1;
        for (var k = 1; k <= 20; k++)
        {
            term = term * t / k;
            sum += term;
        }
        return Math.ScaleB(sum, (int)whole);
    }

    /// <summary>Base-2 logarithm of a positive finite <paramref name="x"/>.</summary>
    public static double Log2(double x)
    {
        if (!(x > 0)) throw new ArgumentOutOfRangeException(nameof(x), x, "Log2 needs a positive number.");
        var exponent = Math.ILogB(x);
        var m = Math.ScaleB(x, -exponent);       // in [1, 2)
        if (m > 1.4142135623730951) { m /= 2; exponent++; }   // in [0.707, 1.414]
        // ln m = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.172: 25 odd terms are plenty.
        var s = (m - 1) / (m + 1);
        var s2 = s * s;
        double sum = 0, power = s;
        for (var k = 1; k <= 49; k += 2)
        {
            sum += power / k;
            power *= s2;
        }
        return exponent + 2 * sum / Ln2;
    }

    /// <summary><paramref name="x"/> to the power <paramref name="y"/> for <paramref name="x"/> ≥ 0.</summary>
    public static double Pow(double x, double y) => x == 0 ? (y == 0 ? 1 : 0) : Exp2(y * Log2(x));

    /// <summary>Cube root of <paramref name="x"/> ≥ 0: a power-based guess refined by Newton's method.</summary>
    public static double Cbrt(double x)
    {
        if (x <= 0) return 0;
        var y = Exp2(Log2(x) / 3);
        for (var i = 0; i < 2; i++)
            y -= (y * y * y - x) / (3 * y * y);
        return y;
    }

    /// <summary>Sine of <paramref name="x"/> radians (|x| up to about π), by its Taylor series.</summary>
    public static double Sin(double x)
    {
        double sum = 0, term = x;
        for (var k = 1; k <= 41; k += 2)
        {
            sum += term;
            term = -term * x * x / ((k + 1) * (k + 2));
        }
        return sum;
    }

    /// <summary>Cosine of <paramref name="x"/> radians (|x| up to about π), by its Taylor series.</summary>
    public static double Cos(double x)
    {
        double sum = 0, term = 1;
        for (var k = 0; k <= 40; k += 2)
        {
            sum += term;
            term = -term * x * x / ((k + 1) * (k + 2));
        }
        return sum;
    }
}
