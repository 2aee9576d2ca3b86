using Harness.Datasets;
using Harness.Parsing;
using Harness.Tools;

namespace Harness.Metrics;

/// <summary>
/// What each row contributes to each tool's counts, computed once so that bootstrap
/// resamples only add numbers up.
/// </summary>
internal sealed class RowScores
{
    private const int Tools = 3;

    private RowScores(int rows)
    {
        Expected = new bool[rows * Tools];
        Predicted = new bool[rows * Tools];
        Quality = new double[rows * Tools];
        IntensityError = new double[rows];
    }

    public bool[] Expected { get; }

    public bool[] Predicted { get; }

    /// <summary>Quality of the row for the tool when both used it, else 0.</summary>
    public double[] Quality { get; }

    /// <summary>|predicted - expected| filter intensity when both used the filter, else 0.</summary>
    public double[] IntensityError { get; }

    public static int At(int row, ToolName tool) => (row * Tools) + (int)tool;

    public static RowScores From(IReadOnlyList<DatasetRow> rows, IReadOnlyDictionary<string, RowPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(predictions);
        var scores = new RowScores(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            predictions.TryGetValue(row.Id, out var prediction);
            foreach (var tool in ToolSchema.All)
            {
                var expected = row.TeacherFor(tool);
                var predicted = prediction?.For(tool)?.Setting;
                var at = At(r, tool);
                scores.Expected[at] = expected is not null;
                scores.Predicted[at] = predicted is not null;
                if (expected is null || predicted is null) continue;
                scores.Quality[at] = Similarity.Quality(expected, predicted);
                if (expected is FilterSetting e && predicted is FilterSetting p)
                    scores.IntensityError[r] = Math.Abs(p.Intensity - e.Intensity);
            }
        }
        return scores;
    }

    /// <summary>Adds one row (once per time it was drawn) to the running counts of every tool.</summary>
    public void Accumulate(int row, Span<ToolCounts> counts)
    {
        for (var t = 0; t < Tools; t++)
        {
            var at = (row * Tools) + t;
            ref var c = ref counts[t];
            var y = Expected[at];
            var p = Predicted[at];
            if (y && p)
            {
                c.TruePositives++;
                c.QualitySum += Quality[at];
                if (t == (int)ToolName.Filter) c.IntensityErrorSum += IntensityError[row];
            }
            else if (p) c.FalsePositives++;
            else if (y) c.FalseNegatives++;
            else c.TrueNegatives++;
        }
    }
}
