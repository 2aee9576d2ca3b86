using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Metrics;
using Harness.Parsing;
using Harness.Runs;
using Harness.Statistics;

namespace Harness.Running;

/// <summary>
/// Turns one scenario's call records into <see cref="EvaluationMetrics"/>: scores over
/// every row (warm-up rows included: their outputs are real answers), and latency,
/// throughput and cost over the non-warm-up calls only. The scenario's wall time is
/// the sum of the measured intents' latencies, so a resumed run is measured on the
/// same basis without the pause. In the server scenario latency, throughput and cost
/// come from this process's timed run instead (<see cref="ServerMeasurement"/>): its
/// intents overlap, and its wall time is the run's own.
/// </summary>
internal static class ScenarioMetrics
{
    public const int BootstrapResamples = 1000;

    public static EvaluationMetrics Build(
        RunIdentity identity, IReadOnlyList<DatasetRow> rows, IReadOnlyList<CallRecord> calls,
        bool batchedIntents, CostConfig? prices, int seed, (ServerMeasurement Run, ServerConfig Config)? server = null)
    {
        var subsets = Score(rows, calls, seed);
        var parse = ParseSummaryBuilder.From(calls.Select(c => c.Parsed));
        if (server is var (run, config))
        {
            var summary = run.Summarize(config, prices?.UsdPerHour);
            return new EvaluationMetrics(
                identity, subsets, parse,
                new LatencySummary(LatencyStatsCalculator.From(run.IntentLatencyMs), LatencyStatsCalculator.From(run.CallLatencyMs)),
                new ThroughputSummary(summary.AchievedQps, run.DurationSeconds > 0 ? run.OutputTokens / run.DurationSeconds : 0),
                CostModel.Compute(prices, run.DurationSeconds, run.IntentLatencyMs.Length, run.InputTokens, run.OutputTokens),
                Server: summary);
        }

        var measured = calls.Where(c => !c.Warmup && c.LatencyMs is not null).ToList();
        var perCall = measured.Select(c => c.LatencyMs!.Value).ToList();
        var perIntent = measured
            .GroupBy(c => c.IntentId, StringComparer.Ordinal)
            .Select(g => identity.Scenario == ScenarioNames.SingleStream
                ? SingleStreamScenario.IntentLatency(g.Select(c => c.LatencyMs!.Value), batchedIntents)
                : g.Sum(c => c.LatencyMs!.Value))
            .ToList();
        var wallSeconds = perIntent.Sum() / 1000.0;
        var outputTokens = measured.Sum(c => (long)c.OutputTokens);
        var inputTokens = measured.Sum(c => (long)c.InputTokens);
        var throughput = new ThroughputSummary(
            wallSeconds > 0 ? perIntent.Count / wallSeconds : 0,
            wallSeconds > 0 ? outputTokens / wallSeconds : 0);
        return new EvaluationMetrics(
            identity, subsets, parse,
            new LatencySummary(LatencyStatsCalculator.From(perIntent), LatencyStatsCalculator.From(perCall)),
            throughput,
            CostModel.Compute(prices, wallSeconds, perIntent.Count, inputTokens, outputTokens));
    }

    /// <summary>The scores of a backend that produced nothing (it failed to start): every tool "not used".</summary>
    public static EvaluationMetrics Empty(RunIdentity identity, IReadOnlyList<DatasetRow> rows, int seed) =>
        new(identity, Score(rows, [], seed), ParseSummaryBuilder.From([]), null, null, null);

    private static ImmutableArray<SubsetMetrics> Score(IReadOnlyList<DatasetRow> rows, IReadOnlyList<CallRecord> calls, int seed)
    {
        var predictions = calls
            .GroupBy(c => c.IntentId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => new RowPrediction(g.Key, g.ToImmutableDictionary(c => c.Tool, c => c.Parsed),
                    g.Any(c => c.NotUsedProbability is not null)
                        ? g.Where(c => c.NotUsedProbability is not null).ToImmutableDictionary(c => c.Tool, c => c.NotUsedProbability!.Value)
                        : null),
                StringComparer.Ordinal);
        return MetricsCalculator.Compute(rows, predictions, new BootstrapOptions(Seed: seed, Resamples: BootstrapResamples));
    }
}
