using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Harness.Tools;

namespace Harness.Datasets;

/// <summary>One bucket of the repeats distribution, e.g. <c>3–4</c> with 120 rows; <see cref="Max"/> is null for the open last bucket.</summary>
public sealed record RepeatsBucket(string Label, int Min, int? Max, int Rows);

/// <summary>The range, mean and share of non-zero values of one parameter over the rows where the teacher used its tool.</summary>
public sealed record ParameterRange(ToolName Tool, string Parameter, double Min, double Max, double Mean, double NonZeroShare);

/// <summary>
/// The statistics of a split that the spec §2 table, <c>harness validate</c> and the generated
/// dataset card report: rows, used counts per tool, repeats distribution, subset sizes, filter
/// names and parameter ranges.
/// </summary>
public sealed record DatasetStatistics(
    string Split,
    int Rows,
    ImmutableArray<int> UsedCounts,
    ImmutableArray<RepeatsBucket> Repeats,
    int R3Rows,
    int R5Rows,
    int MaxRepeats,
    double MeanRepeats,
    ImmutableArray<KeyValuePair<string, int>> FilterCounts,
    ImmutableArray<ParameterRange> ParameterRanges)
{
    // The buckets of the repeats distribution, for validate and the dataset card alike.
    private static readonly (string Label, int Min, int? Max)[] Buckets =
        [("1", 1, 1), ("2", 2, 2), ("3–4", 3, 4), ("5–9", 5, 9), ("10–19", 10, 19), ("20–99", 20, 99), ("100+", 100, null)];

    /// <summary>How many rows the teacher used a tool in.</summary>
    public int Used(ToolName tool) => UsedCounts[(int)tool];

    /// <summary>How many distinct filter names the teacher chose.</summary>
    public int FilterNamesUsed => FilterCounts.Length;

    /// <summary>The parameter ranges of one tool, in parameter order (none when the teacher never used it).</summary>
    public IEnumerable<ParameterRange> RangesOf(ToolName tool) => ParameterRanges.Where(r => r.Tool == tool);

    /// <summary>Computes the statistics of a loaded dataset; the split is named after the file (<c>test</c>).</summary>
    public static DatasetStatistics From(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return From(Path.GetFileNameWithoutExtension(dataset.Path), dataset.Rows);
    }

    /// <summary>Computes the statistics of rows under a split name (the generator's splits before they are written).</summary>
    public static DatasetStatistics From(string split, IReadOnlyList<DatasetRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var used = ToolSchema.All.Select(t => rows.Count(r => r.TeacherFor(t) is not null)).ToImmutableArray();
        var repeats = Buckets
            .Select(b => new RepeatsBucket(b.Label, b.Min, b.Max, rows.Count(r => r.Repeats >= b.Min && (b.Max is null || r.Repeats <= b.Max))))
            .ToImmutableArray();
        var filterCounts = rows.Select(r => r.TeacherFor(ToolName.Filter)).OfType<FilterSetting>()
            .GroupBy(f => f.Name, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, int>(g.Key, g.Count()))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToImmutableArray();
        return new DatasetStatistics(
            split,
            rows.Count,
            used,
            repeats,
            rows.Count(r => r.Repeats >= Subsets.R3MinRepeats),
            rows.Count(r => r.Repeats >= Subsets.R5MinRepeats),
            rows.Count == 0 ? 0 : rows.Max(r => r.Repeats),
            rows.Count == 0 ? 0 : rows.Average(r => r.Repeats),
            filterCounts,
            [.. Ranges(rows)]);
    }

    private static IEnumerable<ParameterRange> Ranges(IReadOnlyList<DatasetRow> rows)
    {
        foreach (var tool in new[] { ToolName.Adjust, ToolName.SelectiveAdjust })
        {
            var vectors = rows.Select(r => r.TeacherFor(tool)).OfType<VectorSetting>().Select(v => v.Values).ToList();
            if (vectors.Count == 0) continue;
            var names = tool.VectorParameters();
            for (var i = 0; i < names.Length; i++)
            {
                yield return Range(tool, names[i], vectors.Select(v => v[i]).ToList());
            }
        }
        var intensities = rows.Select(r => r.TeacherFor(ToolName.Filter)).OfType<FilterSetting>().Select(f => f.Intensity).ToList();
        if (intensities.Count > 0)
            yield return Range(ToolName.Filter, "intensity", intensities);
    }

    private static ParameterRange Range(ToolName tool, string parameter, List<double> values) =>
        new(tool, parameter, values.Min(), values.Max(), values.Average(), values.Count(v => v != 0) / (double)values.Count);

    /// <summary>The spec §2 table as GitHub-flavoured Markdown (for the dataset card).</summary>
    public string ToMarkdownTable()
    {
        var sb = new StringBuilder();
        sb.Append("| split | rows | adjust used | selective_adjust used | filter used |\n");
        sb.Append("|---|---|---|---|---|\n");
        sb.Append(CultureInfo.InvariantCulture, $"| {Split} | {N(Rows)} | {N(Used(ToolName.Adjust))} | {N(Used(ToolName.SelectiveAdjust))} | {N(Used(ToolName.Filter))} |\n");
        return sb.ToString();
    }

    /// <summary>Plain-text rendering for the terminal: the spec §2 table, repeats, subsets and parameter ranges.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        var header = new[] { "split", "rows", "adjust used", "selective_adjust used", "filter used" };
        var values = new[] { Split, N(Rows), N(Used(ToolName.Adjust)), N(Used(ToolName.SelectiveAdjust)), N(Used(ToolName.Filter)) };
        var widths = header.Zip(values, (h, v) => Math.Max(h.Length, v.Length)).ToArray();
        sb.Append(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd()).Append('\n');
        sb.Append(string.Join("  ", values.Select((v, i) => v.PadRight(widths[i]))).TrimEnd()).Append('\n');
        sb.Append('\n');
        sb.Append("repeats: ").Append(string.Join(", ", Repeats.Select(b => $"{b.Label}: {N(b.Rows)}"))).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"subsets: {Subsets.R3} (repeats >= {Subsets.R3MinRepeats}) {N(R3Rows)} rows, {Subsets.R5} (repeats >= {Subsets.R5MinRepeats}) {N(R5Rows)} rows\n");
        sb.Append(CultureInfo.InvariantCulture, $"filters: {N(FilterNamesUsed)} distinct names used\n");
        if (ParameterRanges.Length > 0)
        {
            sb.Append("\nparameter ranges over rows where the teacher used the tool (min / mean / max):\n");
            foreach (var range in ParameterRanges)
                sb.Append(CultureInfo.InvariantCulture, $"  {range.Tool.WireName()}.{range.Parameter}: {range.Min:0.##} / {range.Mean:0.##} / {range.Max:0.##}\n");
        }
        return sb.ToString();
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
