using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Metrics.Ranking;
using Harness.Parsing;
using Harness.Tools;

namespace Harness.Metrics;

/// <summary>
/// The exact metrics of spec §4 on subsets all, r3 and r5, with seeded 95% bootstrap
/// intervals for every final and for overall. A row with no prediction, or a failed parse,
/// counts as "not used".
/// </summary>
public static class MetricsCalculator
{
    /// <summary>Scores predictions against the teacher.</summary>
    /// <param name="rows">The dataset rows, in file order.</param>
    /// <param name="predictions">Parsed predictions by row id; rows without one count as not used.</param>
    /// <param name="options">Bootstrap seed and resamples.</param>
    /// <returns>The subsets all, r3 and r5, in that order.</returns>
    public static ImmutableArray<SubsetMetrics> Compute(
        IReadOnlyList<DatasetRow> rows,
        IReadOnlyDictionary<string, RowPrediction> predictions,
        BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scores = RowScores.From(rows, predictions);
        var result = ImmutableArray.CreateBuilder<SubsetMetrics>();
        for (var s = 0; s < Subsets.All.Length; s++)
        {
            var (name, minRepeats) = Subsets.All[s];
            var indices = Subsets.Indices(rows, minRepeats);
            result.Add(ComputeSubset(rows, name, indices, scores, predictions, options, s));
        }
        return result.ToImmutable();
    }

    private static SubsetMetrics ComputeSubset(IReadOnlyList<DatasetRow> rows, string name, int[] indices, RowScores scores, IReadOnlyDictionary<string, RowPrediction> predictions,
        BootstrapOptions options, int stream)
    {
        Span<ToolCounts> counts = stackalloc ToolCounts[3];
        foreach (var row in indices) scores.Accumulate(row, counts);
        var intervals = BootstrapEngine.Intervals(indices, 4, options, stream, (drawn, values) => BootstrapEngine.Finals(scores, drawn, values));
        var tools = ImmutableArray.CreateBuilder<ToolMetrics>();
        foreach (var tool in ToolSchema.All)
        {
            var c = counts[(int)tool];
            double? mae = tool == ToolName.Filter && c.TruePositives > 0 ? c.IntensityErrorSum / c.TruePositives : null;
            tools.Add(new ToolMetrics(
                tool, c.TruePositives, c.FalsePositives, c.FalseNegatives, c.TrueNegatives,
                c.Precision, c.Recall, c.SelectionF1, c.Quality, c.TruePositives, c.Final,
                intervals[(int)tool], mae));
        }
        var overall = tools.Average(t => t.Final);
        return new SubsetMetrics(name, indices.Length, tools.ToImmutable(), overall, intervals[3], Rankings(rows, indices, scores, predictions, options, stream));
    }

    /// <summary>
    /// Per tool with at least one not-used probability among the subset's rows: the ranking of
    /// "used" scores 1 − p (0 for a row without one, as the greedy rule counts it not used).
    /// </summary>
    private static ImmutableArray<ToolRanking> Rankings(IReadOnlyList<DatasetRow> rows, int[] indices, RowScores scores, IReadOnlyDictionary<string, RowPrediction> predictions,
        BootstrapOptions options, int stream)
    {
        var rankings = ImmutableArray.CreateBuilder<ToolRanking>();
        foreach (var tool in ToolSchema.All)
        {
            var probabilities = indices.Select(i => predictions.GetValueOrDefault(rows[i].Id)?.NotUsedProbability(tool)).ToArray();
            var scored = probabilities.Count(p => p is not null);
            if (scored == 0) continue;
            var labels = indices.Select(i => scores.Expected[RowScores.At(i, tool)]).ToArray();
            // Streams apart from the finals' (0..2), one per subset and tool.
            rankings.Add(RankingCalculator.Compute(tool, [.. probabilities.Select(p => p is { } v ? 1 - v : 0)], labels, scored, options,
                100 + (3 * stream) + (int)tool));
        }
        return rankings.ToImmutable();
    }
}
