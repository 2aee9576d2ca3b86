using System.Collections.Immutable;
using Harness.Datasets;

namespace Harness.Metrics;

/// <summary>The row subsets every score is reported on: <c>all</c>, <c>r3</c> (repeats ≥ 3), <c>r5</c> (repeats ≥ 5).</summary>
public static class Subsets
{
    /// <summary>Subset names with their minimum repeats, in report order.</summary>
    public static ImmutableArray<(string Name, int MinRepeats)> All { get; } = [("all", 1), ("r3", 3), ("r5", 5)];

    /// <summary>Indices of the rows with at least <paramref name="minRepeats"/> repeats.</summary>
    internal static int[] Indices(IReadOnlyList<DatasetRow> rows, int minRepeats) =>
        [.. Enumerable.Range(0, rows.Count).Where(i => rows[i].Repeats >= minRepeats)];
}
