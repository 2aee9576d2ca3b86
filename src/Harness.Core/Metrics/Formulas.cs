namespace Harness.Metrics;

/// <summary>The small formulas of spec §4, in one place.</summary>
public static class Formulas
{
    /// <summary>$\frac{2ab}{a + b}$; 0 when a + b = 0. Used for selection F1 and for final.</summary>
    public static double HarmonicMean(double a, double b) => a + b == 0 ? 0 : 2 * a * b / (a + b);
}
