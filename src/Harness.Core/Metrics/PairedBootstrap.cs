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

    /// <summary>
    /// The share of the floor-to-ceiling gap a candidate closes on overall (subset all):
    /// (candidate − floor) / (ceiling − floor), 0 at the floor and 1 at the ceiling, with a paired
    /// percentile-bootstrap interval — each resample scores the three on the same drawn rows.
    /// Null when the ceiling does not beat the floor on these rows (the share is undefined); the
    /// interval is null when some resample's ceiling does not beat its floor.
    /// </summary>
    public static GapShare? GapClosed(
        IReadOnlyList<DatasetRow> rows,
        IReadOnlyDictionary<string, RowPrediction> floor,
        IReadOnlyDictionary<string, RowPrediction> ceiling,
        IReadOnlyDictionary<string, RowPrediction> candidate,
        BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        var scores = new[] { RowScores.From(rows, floor), RowScores.From(rows, ceiling), RowScores.From(rows, candidate) };
        var all = Enumerable.Range(0, rows.Count).ToArray();
        var point = Share(scores, all);
        if (double.IsNaN(point)) return null;

        var undefined = false;
        var interval = BootstrapEngine.Intervals(all, 1, options, stream: 0, (drawn, values) =>
        {
            values[0] = Share(scores, drawn);
            if (double.IsNaN(values[0])) (undefined, values[0]) = (true, 0);
        })[0];
        return new GapShare(point, undefined ? null : interval);
    }

    private static double Share(RowScores[] scores, ReadOnlySpan<int> drawn)
    {
        Span<double> finals = stackalloc double[4];
        Span<double> overall = stackalloc double[3];
        for (var i = 0; i < 3; i++)
        {
            BootstrapEngine.Finals(scores[i], drawn, finals);
            overall[i] = finals[3];
        }

        var gap = overall[1] - overall[0];
        return gap > 0 ? (overall[2] - overall[0]) / gap : double.NaN;
    }
}

/// <summary>
/// The share of the floor-to-ceiling gap a result closes: 0 scores like the floor, 1 like the
/// ceiling; below 0 is worse than the floor.
/// </summary>
/// <param name="Share">(result − floor) / (ceiling − floor) on overall.</param>
/// <param name="Ci95">Its paired-bootstrap 95% interval, or null when undefined in some resample.</param>
public sealed record GapShare(double Share, Interval? Ci95);
