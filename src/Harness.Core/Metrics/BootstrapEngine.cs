using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;
using Quantiles = MathNet.Numerics.Statistics.Statistics;

namespace Harness.Metrics;

/// <summary>
/// A seeded percentile bootstrap over rows: draws rows with replacement, evaluates a
/// vector of statistics per resample, and takes the 2.5% and 97.5% quantiles of each
/// (MathNet.Numerics, definition R7, the one NumPy and R use by default).
/// </summary>
internal static class BootstrapEngine
{
    /// <summary>Evaluates statistics on the rows drawn in one resample, writing them into the span.</summary>
    public delegate void Statistic(ReadOnlySpan<int> drawnRows, Span<double> values);

    /// <param name="rows">The row indices to draw from (one subset).</param>
    /// <param name="statistics">How many statistics <paramref name="statistic"/> writes.</param>
    /// <param name="options">Seed and resample count.</param>
    /// <param name="stream">Separates the random streams of different subsets so each is reproducible alone.</param>
    /// <param name="statistic">The statistics of one resample.</param>
    /// <returns>One 95% interval per statistic, or nulls when there are no rows (or the statistic is NaN on every resample).</returns>
    public static Interval?[] Intervals(int[] rows, int statistics, BootstrapOptions options, int stream, Statistic statistic)
    {
        var intervals = new Interval?[statistics];
        if (rows.Length == 0 || options.Resamples <= 0) return intervals;
        var random = new MersenneTwister(unchecked(options.Seed + (1_000_003 * stream)), threadSafe: false);
        var samples = new double[statistics][];
        for (var s = 0; s < statistics; s++) samples[s] = new double[options.Resamples];
        var drawn = new int[rows.Length];
        var values = new double[statistics];
        for (var b = 0; b < options.Resamples; b++)
        {
            for (var i = 0; i < drawn.Length; i++) drawn[i] = rows[random.Next(rows.Length)];
            statistic(drawn, values);
            for (var s = 0; s < statistics; s++) samples[s][b] = values[s];
        }
        for (var s = 0; s < statistics; s++)
        {
            // A statistic undefined on a resample (NaN: a ranking metric drawn without one class) is left out of it.
            var defined = samples[s].Any(double.IsNaN) ? samples[s].Where(v => !double.IsNaN(v)).ToArray() : samples[s];
            if (defined.Length == 0) continue;
            var lower = Quantiles.QuantileCustom(defined, 0.025, QuantileDefinition.R7);
            var upper = Quantiles.QuantileCustom(defined, 0.975, QuantileDefinition.R7);
            intervals[s] = new Interval(lower, upper);
        }
        return intervals;
    }

    /// <summary>Finals of the three tools then overall, for rows drawn from <paramref name="scores"/>.</summary>
    public static void Finals(RowScores scores, ReadOnlySpan<int> drawnRows, Span<double> values)
    {
        Span<ToolCounts> counts = stackalloc ToolCounts[3];
        foreach (var row in drawnRows) scores.Accumulate(row, counts);
        for (var t = 0; t < 3; t++) values[t] = counts[t].Final;
        values[3] = (values[0] + values[1] + values[2]) / 3;
    }
}
