using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Harness.Tools;

namespace Harness.Datasets;

/// <summary>One bucket of the repeats distribution, e.g. <c>3-4</c> with 120 rows.</summary>
public sealed record RepeatsBucket(string Label, int Min, int? Max, int Rows);

/// <summary>The range of one parameter over the rows where the teacher used its tool.</summary>
public sealed record ParameterRange(ToolName Tool, string Parameter, double Min, double Max, double Mean);

/// <summary>
/// The statistics of a split that the spec §2 table and the dataset card report:
/// rows, used counts per tool, repeats distribution, subset sizes and parameter ranges.
/// </summary>
public sealed record DatasetStatistics(
    string Split,
    int Rows,
    ImmutableArray<int> UsedCounts,
    ImmutableArray<RepeatsBucket> Repeats,
    int R3Rows,
    int R5Rows,
    int FilterNamesUsed,
    ImmutableArray<ParameterRange> ParameterRanges)
{
    private static readonly (string Label, int Min, int? Max)[] Buckets =
        [("1", 1, 1), ("2", 2, 2), ("3-4", 3, 4), ("5-9", 5, 9), ("10-19", 10, 19), ("20+", 20, null)];

    /// <summary>How many rows the teacher used a tool in.</summary>
    public int Used(ToolName tool) => UsedCounts[(int)tool];

    /// <summary>Computes the statistics of a loaded dataset; the split is named after the file (<c>test</c>).</summary>
    public static DatasetStatistics From(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var rows = dataset.Rows;
        var used = ToolSchema.All.Select(t => rows.Count(r => r.TeacherFor(t) is not null)).ToImmutableArray();
        var repeats = Buckets
            .Select(b => new RepeatsBucket(b.Label, b.Min, b.Max, rows.Count(r => r.Repeats >= b.Min && (b.Max is null || r.Repeats <= b.Max))))
            .ToImmutableArray();
        var filterNames = rows.Select(r => r.TeacherFor(ToolName.Filter)).OfType<FilterSetting>().Select(f => f.Name).Distinct(StringComparer.Ordinal).Count();
        return new DatasetStatistics(
            Path.GetFileNameWithoutExtension(dataset.Path),
            rows.Length,
            used,
            repeats,
            rows.Count(r => r.Repeats >= Subsets.R3MinRepeats),
            rows.Count(r => r.Repeats >= Subsets.R5MinRepeats),
            filterNames,
            [.. Ranges(rows)]);
    }

    private static IEnumerable<ParameterRange> Ranges(ImmutableArray<DatasetRow> rows)
    {
        foreach (var tool in new[] { ToolName.Adjust, ToolName.SelectiveAdjust })
        {
            var vectors = rows.Select(r => r.TeacherFor(tool)).OfType<VectorSetting>().Select(v => v.Values).ToList();
            if (vectors.Count == 0) continue;
            var names = tool.VectorParameters();
            for (var i = 0; i < names.Length; i++)
            {
                var column = vectors.Select(v => v[i]).ToList();
                yield return new ParameterRange(tool, names[i], column.Min(), column.Max(), column.Average());
            }
        }
        var intensities = rows.Select(r => r.TeacherFor(ToolName.Filter)).OfType<FilterSetting>().Select(f => f.Intensity).ToList();
        if (intensities.Count > 0)
            yield return new ParameterRange(ToolName.Filter, "intensity", intensities.Min(), intensities.Max(), intensities.Average());
    }

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
