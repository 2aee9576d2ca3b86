namespace Harness.Statistics;

/// <summary>
/// Fleiss' kappa (Fleiss 1971): the agreement of a fixed number of raters sorting subjects into
/// categories, beyond what chance would give. Each subject is one row of counts per category, every
/// row summing to the same number of raters (two or more).
/// </summary>
public static class FleissKappa
{
    /// <summary>
    /// Kappa of <paramref name="counts"/> (subjects × categories), or null with the reason when it is
    /// undefined: fewer than two raters, no subjects, or every rating in one category (chance agreement 1).
    /// </summary>
    public static (double? Kappa, string? Undefined) Of(IReadOnlyList<int[]> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0) return (null, "no item was rated by every annotator");
        var raters = counts[0].Sum();
        if (counts.Any(row => row.Sum() != raters)) throw new ArgumentException("Every subject needs the same number of ratings.", nameof(counts));
        if (raters < 2) return (null, "one annotator: agreement needs two or more");
        var categories = counts[0].Length;
        var total = (double)counts.Count * raters;
        double pe = 0;
        for (var j = 0; j < categories; j++)
        {
            var pj = counts.Sum(row => row[j]) / total;
            pe += pj * pj;
        }
        var pbar = counts.Average(row => (row.Sum(c => (double)c * c) - raters) / (raters * (raters - 1.0)));
        if (pe >= 1) return (null, "every answer was the same, so chance agreement is 1");
        return ((pbar - pe) / (1 - pe), null);
    }
}
