using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Parsing;
using Harness.Tools;

namespace Harness.Metrics;

// TEMPORARY: the core branch's PairedBootstrap and MetricDifference, same signatures, until they
// land on main; this file is deleted at that merge.
public sealed record MetricDifference(string Subset, string Metric, double A, double B, double Difference, Interval? Ci95);

public static class PairedBootstrap
{
    public static ImmutableArray<string> Metrics { get; } = [.. ToolSchema.All.Select(t => $"{t.WireName()}.final"), "overall"];

    public static ImmutableArray<MetricDifference> Compare(
        IReadOnlyList<DatasetRow> rows, IReadOnlyDictionary<string, RowPrediction> a, IReadOnlyDictionary<string, RowPrediction> b, BootstrapOptions options)
    {
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
                result.Add(new MetricDifference(name, Metrics[m], pointA[m], pointB[m], pointB[m] - pointA[m], intervals[m]));
        }

        return result.ToImmutable();
    }
}
