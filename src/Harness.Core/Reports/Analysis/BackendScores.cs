using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Formatting;
using Harness.Metrics;
using Harness.Runs;

namespace Harness.Reports.Analysis;

/// <summary>
/// One backend of a run with its quality shown once: the scores do not depend on the scenario
/// (the same model answers the same calls), so the first scenario that ran stands for them and
/// latency and cost are read per scenario. Where another scenario scored differently (a backend
/// whose outputs change with batching), <see cref="ScenarioNote"/> says so.
/// </summary>
/// <param name="Label">The backend label.</param>
/// <param name="Scores">The result whose scores stand for the backend: its first that ran, else its first.</param>
/// <param name="Scenarios">Every result of the backend, one per scenario, in run order.</param>
/// <param name="ScenarioNote">Plainly how the scores differ between scenarios, or null when they do not.</param>
internal sealed record BackendScores(string Label, BackendRunResult Scores, ImmutableArray<BackendRunResult> Scenarios, string? ScenarioNote)
{
    public bool Ran => Scores.Error is null;

    /// <summary>The result of <paramref name="scenario"/>, or null when the backend did not run it.</summary>
    public BackendRunResult? In(string scenario) => Scenarios.FirstOrDefault(r => r.Metrics.Run.Scenario == scenario);

    /// <summary>The scenarios, in run order, in which some result measured latency or cost (a scored file measures neither).</summary>
    public static IReadOnlyList<string> MeasuredScenarios(IEnumerable<BackendRunResult> results) =>
        [.. results.Where(r => r.Metrics.Latency is not null || r.Metrics.Cost is not null).Select(r => r.Metrics.Run.Scenario).Distinct(StringComparer.Ordinal)];

    /// <summary>One entry per backend label, in the order the results first name them.</summary>
    public static ImmutableArray<BackendScores> Of(IEnumerable<BackendRunResult> results) =>
        [.. results.GroupBy(r => r.Label, StringComparer.Ordinal).Select(g => Build(g.Key, [.. g]))];

    private static BackendScores Build(string label, ImmutableArray<BackendRunResult> scenarios)
    {
        var ran = scenarios.Where(r => r.Error is null).ToList();
        var scores = ran.FirstOrDefault() ?? scenarios[0];
        var differ = ran.Skip(1).Any(r => !SameScores(r.Metrics, scores.Metrics));
        var note = differ
            ? $"{label}: scores differ between scenarios (overall {string.Join(", ", ran.Select(r => $"{r.Metrics.Run.Scenario} {Fmt.Score(r.Metrics.Subset(Subsets.AllRows).Overall)} with {Fmt.Int(r.Metrics.Parse.Failures)} parse failures"))}); the {scores.Metrics.Run.Scenario} scores are shown."
            : null;
        return new BackendScores(label, scores, scenarios, note);
    }

    private static bool SameScores(EvaluationMetrics a, EvaluationMetrics b) =>
        // Rankings left out: batching moves a probability in its last digits without changing an answer.
        a.Subsets.Select(s => s with { Rankings = default }).SequenceEqual(b.Subsets.Select(s => s with { Rankings = default })) && a.Parse.Failures == b.Parse.Failures && a.Parse.Calls == b.Parse.Calls;
}
