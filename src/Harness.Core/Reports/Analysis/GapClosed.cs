using System.Collections.Immutable;
using Harness.Formatting;
using Harness.Metrics;
using Harness.Runs;

namespace Harness.Reports.Analysis;

/// <summary>
/// Per candidate backend, the share of the floor-to-ceiling gap it closes on overall, with a
/// paired-bootstrap interval (<see cref="PairedBootstrap.GapClosed"/>, the spec's default seed and
/// 1,000 resamples). Present only when the run's floor and ceiling both ran with their predictions
/// and the ceiling beats the floor; reference rows (floor, ceiling, teacher) get none.
/// </summary>
internal static class GapClosed
{
    public static ImmutableDictionary<string, GapShare> Of(RunReport report)
    {
        var baselines = report.Baselines;
        var (floor, ceiling) = (baselines.FloorOf(report.Results), baselines.CeilingOf(report.Results));
        if (floor is null || ceiling is null || floor.Calls.IsEmpty || ceiling.Calls.IsEmpty)
            return ImmutableDictionary<string, GapShare>.Empty;

        var (floorPredictions, ceilingPredictions) = (ResultCalls.Predictions(floor.Calls), ResultCalls.Predictions(ceiling.Calls));
        var shares = ImmutableDictionary.CreateBuilder<string, GapShare>(StringComparer.Ordinal);
        foreach (var backend in BackendScores.Of(report.Results))
        {
            var result = backend.Scores;
            if (!backend.Ran || result.Calls.IsEmpty || baselines.IsReference(result)) continue;
            var candidate = ResultCalls.Predictions(result.Calls);
            // The rows any of the three predicted (a run with a row limit covers a prefix); a row one
            // of them lacks counts as "not used" for it, as in scoring.
            var ids = candidate.Keys.Concat(floorPredictions.Keys).Concat(ceilingPredictions.Keys).ToHashSet(StringComparer.Ordinal);
            var rows = report.Dataset.Rows.Where(r => ids.Contains(r.Id)).ToList();
            if (PairedBootstrap.GapClosed(rows, floorPredictions, ceilingPredictions, candidate, BootstrapOptions.Default) is { } share)
                shares[backend.Label] = share;
        }

        return shares.ToImmutable();
    }

    /// <summary>A share as a whole percentage with its interval, e.g. <c>71% [66%, 76%]</c>.</summary>
    public static string Format(GapShare share) =>
        Fmt.WholePercent(share.Share) + (share.Ci95 is { } ci ? $" [{Fmt.WholePercent(ci.Lower)}, {Fmt.WholePercent(ci.Upper)}]" : "");
}
