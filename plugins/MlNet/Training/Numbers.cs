namespace Harness.Plugins.MlNet.Training;

/// <summary>Rounding to what a tool accepts, and the harness's cosine (spec §4).</summary>
internal static class Numbers
{
    /// <summary>The nearest integer within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static int Round(float value, double min, double max) =>
        float.IsNaN(value) ? 0 : (int)Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), min, max);

    /// <summary>Cosine similarity; 1 when both vectors are all zero, 0 when exactly one is.</summary>
    public static double Cosine(IReadOnlyList<float> a, IReadOnlyList<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Count; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }
        if (na == 0 && nb == 0) return 1;
        if (na == 0 || nb == 0) return 0;
        return dot / Math.Sqrt(na * nb);
    }
}
