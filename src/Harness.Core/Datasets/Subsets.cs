using System.Collections.Immutable;

namespace Harness.Datasets;

/// <summary>
/// The row subsets every score is reported on (spec §4): <c>all</c>, <c>r3</c> (repeats ≥ 3) and
/// <c>r5</c> (repeats ≥ 5). The one definition of their names and thresholds: metrics, dataset
/// statistics, gate policies and reports use these.
/// </summary>
public static class Subsets
{
    /// <summary>Every row.</summary>
    public const string AllRows = "all";

    /// <summary>Rows asked for at least <see cref="R3MinRepeats"/> times.</summary>
    public const string R3 = "r3";

    /// <summary>Rows asked for at least <see cref="R5MinRepeats"/> times.</summary>
    public const string R5 = "r5";

    public const int R3MinRepeats = 3;

    public const int R5MinRepeats = 5;

    /// <summary>Subset names with their minimum repeats, in report order.</summary>
    public static ImmutableArray<(string Name, int MinRepeats)> All { get; } = [(AllRows, 1), (R3, R3MinRepeats), (R5, R5MinRepeats)];

    /// <summary>The subset names in report order.</summary>
    public static ImmutableArray<string> Names { get; } = [AllRows, R3, R5];

    /// <summary>Indices of the rows with at least <paramref name="minRepeats"/> repeats.</summary>
    internal static int[] Indices(IReadOnlyList<DatasetRow> rows, int minRepeats) =>
        [.. Enumerable.Range(0, rows.Count).Where(i => rows[i].Repeats >= minRepeats)];
}
