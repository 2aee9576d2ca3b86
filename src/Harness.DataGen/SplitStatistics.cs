using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Tools;

namespace Harness.DataGen;

/// <summary>The numbers the dataset card reports for a set of rows.</summary>
internal sealed class SplitStatistics
{
    /// <summary>Repeat buckets of the card's distribution table: (label, lowest, highest).</summary>
    public static ImmutableArray<(string Label, int Low, int High)> RepeatBuckets { get; } =
    [
        ("1", 1, 1), ("2", 2, 2), ("3–4", 3, 4), ("5–9", 5, 9), ("10–19", 10, 19), ("20–99", 20, 99), ("100+", 100, int.MaxValue),
    ];

    public SplitStatistics(IReadOnlyList<DatasetRow> rows)
    {
        Rows = rows.Count;
        Used = [.. ToolSchema.All.Select(tool => rows.Count(r => r.TeacherFor(tool) is not null))];
        R3 = rows.Count(r => r.Repeats >= 3);
        R5 = rows.Count(r => r.Repeats >= 5);
        MaxRepeats = rows.Count == 0 ? 0 : rows.Max(r => r.Repeats);
        MeanRepeats = rows.Count == 0 ? 0 : rows.Average(r => r.Repeats);
        RepeatCounts = [.. RepeatBuckets.Select(b => rows.Count(r => r.Repeats >= b.Low && r.Repeats <= b.High))];
        Adjust = [.. ColumnsOf(rows, ToolName.Adjust)];
        Selective = [.. ColumnsOf(rows, ToolName.SelectiveAdjust)];
        var filters = rows.Select(r => r.TeacherFor(ToolName.Filter)).OfType<FilterSetting>().ToList();
        Intensity = new ParameterSummary("intensity", [.. filters.Select(f => f.Intensity)]);
        FilterCounts = [.. filters.GroupBy(f => f.Name, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, int>(g.Key, g.Count()))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)];
    }

    public int Rows { get; }

    /// <summary>Used counts in tool order.</summary>
    public ImmutableArray<int> Used { get; }

    public int R3 { get; }

    public int R5 { get; }

    public int MaxRepeats { get; }

    public double MeanRepeats { get; }

    /// <summary>Row counts per <see cref="RepeatBuckets"/> entry.</summary>
    public ImmutableArray<int> RepeatCounts { get; }

    public ImmutableArray<ParameterSummary> Adjust { get; }

    public ImmutableArray<ParameterSummary> Selective { get; }

    public ParameterSummary Intensity { get; }

    /// <summary>Filter names by how often the teacher chose them, most frequent first.</summary>
    public ImmutableArray<KeyValuePair<string, int>> FilterCounts { get; }

    private static IEnumerable<ParameterSummary> ColumnsOf(IReadOnlyList<DatasetRow> rows, ToolName tool)
    {
        var vectors = rows.Select(r => r.TeacherFor(tool)).OfType<VectorSetting>().ToList();
        var names = tool.VectorParameters();
        for (var i = 0; i < names.Length; i++)
            yield return new ParameterSummary(names[i], [.. vectors.Select(v => v.Values[i])]);
    }
}

/// <summary>Range, mean and share of non-zero values of one parameter over the rows that use its tool.</summary>
internal sealed record ParameterSummary(string Name, double Min, double Max, double Mean, double NonZeroShare)
{
    public ParameterSummary(string name, ImmutableArray<double> values)
        : this(
            name,
            values.IsEmpty ? 0 : values.Min(),
            values.IsEmpty ? 0 : values.Max(),
            values.IsEmpty ? 0 : values.Average(),
            values.IsEmpty ? 0 : values.Count(v => v != 0) / (double)values.Length)
    {
    }
}
