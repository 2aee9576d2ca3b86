using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Runs;

namespace Harness.Reports.Analysis;

/// <summary>One backend in one scenario on a Pareto chart: its overall (subset all) against a measure where lower is better.</summary>
internal sealed record ParetoPoint(BackendRunResult Result, double Score, double Measure, bool OnFront);

/// <summary>
/// Which results are worth their price: a point is on the Pareto front when no other point scores
/// at least as high at no more latency (or cost) and is strictly better in one of the two. Every
/// result that ran and measured the axis is a point, except the ceiling and the teacher: they are
/// reference lines, not candidates.
/// </summary>
internal static class ParetoFront
{
    public static ImmutableArray<ParetoPoint> Of(IEnumerable<BackendRunResult> results, ParetoAxis axis, Baselines baselines)
    {
        var measured = results
            .Where(r => r.Error is null && !baselines.IsUpperReference(r))
            .Select(r => (Result: r, Score: r.Metrics.Subset(Subsets.AllRows).Overall, Measure: axis.Value(r.Metrics)))
            .Where(p => p.Measure is not null)
            .ToList();
        var front = Members([.. measured.Select(p => (p.Score, p.Measure!.Value))]);
        return [.. measured.Select((p, i) => new ParetoPoint(p.Result, p.Score, p.Measure!.Value, front[i]))];
    }

    /// <summary>For each (score, measure) point, whether it is on the front (higher score and lower measure are better).</summary>
    public static bool[] Members(IReadOnlyList<(double Score, double Measure)> points) =>
        [.. points.Select(p => !points.Any(q => Dominates(q, p)))];

    private static bool Dominates((double Score, double Measure) q, (double Score, double Measure) p) =>
        q.Score >= p.Score && q.Measure <= p.Measure && (q.Score > p.Score || q.Measure < p.Measure);
}
