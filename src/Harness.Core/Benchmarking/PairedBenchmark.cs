using System.Collections.Immutable;
using System.Diagnostics;
using Harness.Backends;
using Harness.Datasets;
using Harness.Plugins;
using Harness.Running;
using Harness.Runs;
using Harness.Tools;
using Descriptive = MathNet.Numerics.Statistics.Statistics;

namespace Harness.Benchmarking;

/// <summary>One backend of a benchmark: a config entry and its plugin.</summary>
/// <param name="Entry">The backend as configured (its isolation may be overridden by the caller).</param>
/// <param name="Plugin">The plugin that creates it.</param>
public sealed record BenchSide(BackendConfig Entry, LoadedBackend Plugin);

/// <summary>One backend in one scenario: its median time per intent and how it compares with the first backend.</summary>
/// <param name="Label">The backend's label.</param>
/// <param name="Scenario">single-stream or offline.</param>
/// <param name="MsPerIntent">Median over the rounds of the milliseconds per intent.</param>
/// <param name="RatioToFirst">Median over the rounds of this backend's time over the first backend's time in the same round.</param>
/// <param name="IdenticalToFirst">Share of calls whose raw output equals the first backend's.</param>
public sealed record BenchResult(string Label, string Scenario, double MsPerIntent, double RatioToFirst, double IdenticalToFirst);

/// <summary>
/// Speed of several backends side by side, in one process and one run: round by round, each backend
/// answers the same intents, in an order that rotates every round, so a shared machine's changing
/// load falls on all alike; the ratios are medians of per-round ratios against the first backend.
/// Single-stream sends one intent at a time (its three calls as one batch when the backend batches);
/// offline sends the round's calls in batches of each backend's <c>batch_size</c>. Nothing is
/// scored or written: this measures speed, and checks the outputs agree.
/// </summary>
public static class PairedBenchmark
{
    public static async Task<ImmutableArray<BenchResult>> RunAsync(
        EvalConfig config, IReadOnlyList<BenchSide> sides, IReadOnlyList<DatasetRow> rows, int rounds, int intentsPerRound,
        IReadOnlyList<string> scenarios, Action<string> log, CancellationToken cancellationToken)
    {
        var started = new List<(BenchSide Side, IBackend Backend, BackendInfo Info)>();
        try
        {
            foreach (var side in sides)
            {
                try
                {
                    var (backend, info) = await BackendStart.StartAsync(side.Entry, side.Plugin, config, log, cancellationToken);
                    started.Add((side, backend, info));
                }
                catch (BackendStartException ex)
                {
                    throw new InputException($"{config.SourcePath}: backends[{side.Entry.Index}] ({side.Entry.Label}) failed to start: {ex.Message}");
                }
            }

            var results = ImmutableArray.CreateBuilder<BenchResult>();
            foreach (var scenario in scenarios)
            {
                var times = started.Select(_ => new List<double>()).ToArray();
                var outputs = started.Select(_ => new Dictionary<(string, ToolName), string?>()).ToArray();
                // One unmeasured round warms every backend (first-call allocations, thread pools).
                var first = Round(rows, 0, intentsPerRound);
                for (var s = 0; s < started.Count; s++)
                    await RunRoundAsync(started[s], first, scenario, config, outputs[s], cancellationToken);
                for (var r = 0; r < rounds; r++)
                {
                    var round = Round(rows, r, intentsPerRound);
                    for (var k = 0; k < started.Count; k++)
                    {
                        var s = (r + k) % started.Count;
                        times[s].Add(await RunRoundAsync(started[s], round, scenario, config, outputs[s], cancellationToken) / round.Count);
                    }
                }
                for (var s = 0; s < started.Count; s++)
                {
                    var same = outputs[s].Count(p => outputs[0].TryGetValue(p.Key, out var o) && o == p.Value);
                    results.Add(new BenchResult(
                        started[s].Side.Entry.Label, scenario, Median(times[s]),
                        Median(times[s].Zip(times[0], (a, b) => a / b)), outputs[s].Count == 0 ? 0 : (double)same / outputs[s].Count));
                }
            }
            return results.ToImmutable();
        }
        finally
        {
            foreach (var (side, backend, _) in started)
                await BackendStart.StopAsync(backend, side.Entry, TimeSpan.FromSeconds(config.StartTimeoutSeconds), log);
        }
    }

    // Round r's intents: consecutive rows, wrapping, so rounds cover the split rather than repeat one slice.
    private static List<DatasetRow> Round(IReadOnlyList<DatasetRow> rows, int round, int count) =>
        [.. Enumerable.Range(round * count, Math.Min(count, rows.Count)).Select(i => rows[i % rows.Count])];

    // Milliseconds for the whole round.
    private static async Task<double> RunRoundAsync(
        (BenchSide Side, IBackend Backend, BackendInfo Info) b, List<DatasetRow> round, string scenario, EvalConfig config,
        Dictionary<(string, ToolName), string?> outputs, CancellationToken cancellationToken)
    {
        var calls = round.SelectMany(row => ToolSchema.All.Select(tool => new PlannedCall(row, tool, false))).ToList();
        IEnumerable<IReadOnlyList<PlannedCall>> batches = scenario == ScenarioNames.Offline
            ? calls.Chunk(b.Side.Entry.BatchSize)
            : b.Info.SupportsBatching ? calls.Chunk(ToolSchema.All.Length) : calls.Select(c => new[] { c });
        var watch = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            var requests = batch.Select(c => c.ToRequest(b.Side.Entry.PromptTemplate)).ToList();
            var limit = TimeSpan.FromSeconds(config.TimeoutSeconds * batch.Count);
            IReadOnlyList<ToolResponse> responses;
            try
            {
                responses = await CallExecutor.Generate(b.Backend, requests, cancellationToken).WaitAsync(limit, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new InputException($"{config.SourcePath}: backends[{b.Side.Entry.Index}] ({b.Side.Entry.Label}) failed during the benchmark: {BackendStart.Describe(ex)}");
            }
            for (var i = 0; i < batch.Count && i < responses.Count; i++)
                outputs.TryAdd((batch[i].Row.Id, batch[i].Tool), responses[i]?.Text);
        }
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(IEnumerable<double> values) => Descriptive.Median(values);
}
