using Harness.Tools;

namespace Harness.Metrics;

/// <summary>The per-row quality rules of spec §4.</summary>
public static class Similarity
{
    /// <summary>
    /// Cosine similarity $\frac{a \cdot b}{\lVert a \rVert \lVert b \rVert}$; 1 when both vectors
    /// are all zero, 0 when exactly one is. Higher is better.
    /// </summary>
    public static double Cosine(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count) throw new ArgumentException("Vectors differ in length.", nameof(b));
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Count; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        if (na == 0 && nb == 0) return 1;
        if (na == 0 || nb == 0) return 0;
        // sqrt(na * nb) rather than sqrt(na) * sqrt(nb): identical vectors then give exactly 1.
        return Math.Clamp(dot / Math.Sqrt(na * nb), -1, 1);
    }

    /// <summary>1 when the filter names are equal (ordinal, after trimming), else 0.</summary>
    public static double FilterAccuracy(FilterSetting expected, FilterSetting predicted)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(predicted);
        return string.Equals(expected.Name.Trim(), predicted.Name.Trim(), StringComparison.Ordinal) ? 1 : 0;
    }

    /// <summary>The quality of one true-positive row: cosine for vector tools, name accuracy for filter.</summary>
    public static double Quality(ToolSetting expected, ToolSetting predicted) => (expected, predicted) switch
    {
        (VectorSetting e, VectorSetting p) => Cosine(e.Values, p.Values),
        (FilterSetting e, FilterSetting p) => FilterAccuracy(e, p),
        _ => throw new ArgumentException($"Settings of different tools: {expected.Tool} and {predicted.Tool}."),
    };
}
