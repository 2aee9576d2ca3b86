using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Parsing;
using Harness.Tools;

namespace Harness.Metrics;

/// <summary>
/// Compares two prediction sets on the same rows (spec §4): each resample draws one set of rows
/// and scores both A and B on it, so the interval of B − A reflects only how the systems differ.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>The metric names, in the order results list them.</summary>
    public static ImmutableArray<string> Metrics { get; } =
        [.. ToolSchema.All.Select(t => $"{t.WireName()}.final"), "overall"];

    /// <summary>Differences (B − A) of every final and overall, on subsets all, r3 and r5.</summary>
    public static ImmutableArray<MetricDifference> Compare(
        IReadOnlyList<DatasetRow> rows,
        IReadOnlyDictionary<string, RowPrediction> a,
        IReadOnlyDictionary<string, RowPrediction> b,
        BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scoresA = RowScores.From(rows, a);
        var scoresB = RowScores.From(rows, b);
        var result = ImmutableArray.CreateBuilder<MetricDifference>();
        for (var s = 0; s < Subsets.All.Length; s++)
        {
            var (name, minRepeats) = Subsets.All[s];
            var indices = Subsets.Indices(rows, minRepeats);
            var pointA = new double[4];
            var pointB = new double[4];
            BootstrapEngine.Finals(scoresA, indices, pointA);
            BootstrapEngine.Finals(scoresB, indices, pointB);
            var intervals = BootstrapEngine.Intervals(indices, 4, options, s, (drawn, values) =>
            {
                Span<double> va = stackalloc double[4];
                Span<double> vb = stackalloc double[4];
                BootstrapEngine.Finals(scoresA, drawn, va);
                BootstrapEngine.Finals(scoresB, drawn, vb);
                for (var m = 0; m < 4; m++) values[m] = vb[m] - va[m];
            });
            for (var m = 0; m < 4; m++)
                result.Add(new MetricDifference(name, Metrics[m], pointA[m], pointB[m], pointB[m] - pointA[m], intervals[m] ?? new Interval(0, 0)));
        }
        return result.ToImmutable();
    }
}
