using System.Collections.Immutable;
using Harness.Tools;

namespace Harness.Metrics.Ranking;

/// <summary>Computes <see cref="ToolRanking"/> from (score, label) pairs, with seeded bootstrap intervals.</summary>
public static class RankingCalculator
{
    /// <summary>
    /// The ranking metrics of <paramref name="scores"/> ("used" scores in [0, 1]) against
    /// <paramref name="labels"/> (teacher used), with bootstrap intervals over the rows.
    /// </summary>
    /// <param name="tool">The tool ranked.</param>
    /// <param name="scores">One score per row; a finite number.</param>
    /// <param name="labels">One label per row.</param>
    /// <param name="scored">Rows whose call gave a probability (reported as is).</param>
    /// <param name="options">Seed and resamples of the bootstrap.</param>
    /// <param name="stream">Separates the random streams of different subsets and tools.</param>
    public static ToolRanking Compute(ToolName tool, IReadOnlyList<double> scores, IReadOnlyList<bool> labels, int scored, BootstrapOptions options, int stream)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        if (scores.Count != labels.Count) throw new ArgumentException($"{scores.Count} scores for {labels.Count} labels", nameof(labels));
        if (scores.Any(s => !double.IsFinite(s))) throw new ArgumentException("every score must be a finite number", nameof(scores));
        var s = scores.ToArray();
        var y = labels.ToArray();
        var all = Enumerable.Range(0, s.Length).ToArray();
        var (ap, auc) = Measure(all, s, y);
        var intervals = BootstrapEngine.Intervals(all, 2, options, stream, (drawn, values) =>
        {
            var (a, u) = Measure(drawn, s, y);
            values[0] = a ?? double.NaN;
            values[1] = u ?? double.NaN;
        });
        return new ToolRanking(tool, s.Length, y.Count(l => l), scored,
            ap, ap is null ? null : intervals[0], auc, auc is null ? null : intervals[1], Curve(s, y));
    }

    /// <summary>Average precision and ROC AUC of the given rows (repeats allowed), each null when undefined.</summary>
    internal static (double? AveragePrecision, double? RocAuc) Measure(ReadOnlySpan<int> rows, double[] scores, bool[] labels)
    {
        var keys = new double[rows.Length];
        var positive = new bool[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            keys[i] = scores[rows[i]];
            positive[i] = labels[rows[i]];
        }
        Array.Sort(keys, positive);
        var pos = positive.Count(p => p);
        var neg = rows.Length - pos;
        double? ap = null, auc = null;
        if (pos > 0)
        {
            // Highest scores first, one step per group of equal scores.
            double sum = 0, recallBefore = 0;
            int tp = 0, fp = 0;
            for (var end = keys.Length; end > 0;)
            {
                var start = end - 1;
                while (start > 0 && keys[start - 1] == keys[end - 1]) start--;
                for (var i = start; i < end; i++) { if (positive[i]) tp++; else fp++; }
                var recall = tp / (double)pos;
                sum += (recall - recallBefore) * (tp / (double)(tp + fp));
                recallBefore = recall;
                end = start;
            }
            ap = sum;
        }
        if (pos > 0 && neg > 0)
        {
            // Mann–Whitney with mid-ranks for ties.
            double rankSum = 0;
            for (var start = 0; start < keys.Length;)
            {
                var end = start + 1;
                while (end < keys.Length && keys[end] == keys[start]) end++;
                var midRank = (start + 1 + end) / 2.0;
                for (var i = start; i < end; i++) if (positive[i]) rankSum += midRank;
                start = end;
            }
            auc = (rankSum - (pos * (pos + 1.0) / 2)) / ((double)pos * neg);
        }
        return (ap, auc);
    }

    /// <summary>One point per distinct score, highest first.</summary>
    private static ImmutableArray<PrPoint> Curve(double[] scores, bool[] labels)
    {
        var pos = labels.Count(l => l);
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ToArray();
        var points = ImmutableArray.CreateBuilder<PrPoint>();
        int tp = 0, fp = 0;
        for (var k = 0; k < order.Length; k++)
        {
            if (labels[order[k]]) tp++; else fp++;
            if (k + 1 < order.Length && scores[order[k + 1]] == scores[order[k]]) continue;
            points.Add(new PrPoint(scores[order[k]], tp / (double)(tp + fp), pos == 0 ? 0 : tp / (double)pos));
        }
        return points.ToImmutable();
    }
}
