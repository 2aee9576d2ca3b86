namespace Harness.Metrics;

/// <summary>The small formulas of spec §4, in one place.</summary>
public static class Formulas
{
    /// <summary>$\frac{2ab}{a + b}$; 0 when a + b = 0. Used for selection F1 and for final.</summary>
    public static double HarmonicMean(double a, double b) => a + b == 0 ? 0 : 2 * a * b / (a + b);

    /// <summary>
    /// A tool's final score: $\frac{2 F_1 Q^+}{F_1 + Q^+}$ with $Q^+ = \max(Q, 0)$, 0 when both are 0.
    /// The mean cosine <paramref name="quality"/> is negative for a model that inverts the settings;
    /// it is reported as measured, but counts as 0 here, so a final lies in [0, 1] (a harmonic mean
    /// with a negative term is not a score: it changes sign and grows without bound as
    /// $F_1 + Q \to 0$). Higher is better. The point estimates and every bootstrap use this.
    /// </summary>
    public static double Final(double selectionF1, double quality) => HarmonicMean(selectionF1, Math.Max(quality, 0));
}
