using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Harness.Core.Tests.Running.Support;
using Harness.Metrics;
using Harness.Plugins;
using Harness.Running;

namespace Harness.Core.Tests.Running;

/// <summary>
/// The server scenario against queueing theory. The backend holds every call for a fixed
/// <see cref="CallMs"/> (a sleep, then a spin to the exact moment) and takes one call at a time,
/// so with an intent's three calls queued together an intent is a customer of an M/D/1 queue.
/// </summary>
/// <remarks>
/// Flakiness on a shared 2-core machine: the tests compare ratios with generous bounds, and take
/// ρ and μ from the service the queue really gave (the gap between the starts of an intent's first
/// and third call, the harness's hand-over included), not from the time asked. The formula holds
/// only for a fixed service time: when the machine is so loaded that a call's service drifts more
/// than 15% from the time asked (a load average of 25 on 2 cores does that), the queue is no longer
/// M/D/1 (and at ρ = 0.8 it would run near 1, where the formula diverges), so the comparison with
/// the formula ends Inconclusive, saying so with the numbers, after the achieved rate has been
/// checked. The INVALID case holds under any load.
/// </remarks>
[NonParallelizable]
public class ServerScenarioTests
{
    private const double CallMs = 5;

    /// <summary>
    /// The mean wait in the queue (intent latency minus its service time) against
    /// Wq = ρ / (2μ(1 − ρ)). Tolerance ±30% at ρ = 0.5 and ±40% at ρ = 0.8: a mean over 1,000
    /// Poisson arrivals scatters that much around the formula (waits at ρ = 0.8 are long-correlated;
    /// a simulated M/D/1 puts the 95% range of the ratio at about 0.8–1.25 and 0.65–1.6), and the
    /// schedule is seeded, so this sample's own error is the same every run (the test prints the
    /// ideal queue's wait on the same arrivals beside the formula).
    /// </summary>
    [TestCase(0.5, 30)]
    [TestCase(0.8, 40)]
    public async Task Mean_wait_matches_the_M_D_1_formula_and_the_achieved_rate_the_offered(double utilisation, double tolerancePercent)
    {
        const int intents = 1000;
        var (metrics, serviceMs) = await RunAsync(utilisation / (3 * CallMs / 1000), intents, boundMs: 10_000);
        var server = metrics.Server!;

        var intentServiceMs = serviceMs * 3;
        var rho = server.OfferedQps * intentServiceMs / 1000;
        var mu = 1000 / intentServiceMs;
        var formula = rho / (2 * mu * (1 - rho)) * 1000;
        var waited = metrics.Latency!.PerIntent.Mean - intentServiceMs;
        var ideal = IdealWait(ArrivalSchedule.Poisson(server.TargetQps, intents, Seed), intentServiceMs);
        var numbers = string.Create(CultureInfo.InvariantCulture,
            $"rho {rho:0.000} (asked {utilisation}), service {serviceMs:0.000} ms/call (asked {CallMs}), Wq measured {waited:0.00} ms, formula {formula:0.00} ms, ideal queue on these arrivals {ideal:0.00} ms, achieved {server.AchievedQps:0.0}/s of offered {server.OfferedQps:0.0}/s, issue lag p99 {server.IssueLagP99Ms:0.000} ms");
        TestContext.Out.WriteLine(numbers);

        Assert.That(server.Intents, Is.EqualTo(intents));
        Assert.That(server.AchievedQps / server.OfferedQps, Is.InRange(0.97, 1.03), "achieved / offered rate");
        Assert.That(server.Valid, Is.True, server.Reason);
        if (serviceMs > CallMs * 1.15)
            Assert.Inconclusive("The machine is too loaded to hold an M/D/1 queue (a call's service drifted more than 15% from the time asked): " + numbers);
        // Arrivals issued late by more than a call's service time are no longer Poisson: the
        // machine, not the queue, shaped the waits (seen on the 2-core CI machine under load).
        if (server.IssueLagP99Ms > serviceMs)
            Assert.Inconclusive("The machine is too loaded to issue arrivals on time (issue lag p99 above one call's service time): " + numbers);
        Assert.That(waited / formula, Is.InRange(1 - tolerancePercent / 100, 1 + tolerancePercent / 100), "Wq measured / M/D/1 formula: " + numbers);
    }

    [Test]
    public async Task Above_utilisation_one_the_queue_grows_and_the_run_is_invalid()
    {
        var (metrics, _) = await RunAsync(1.5 / (3 * CallMs / 1000), intents: 400, boundMs: 50);
        var server = metrics.Server!;

        Assert.That(server.Valid, Is.False);
        Assert.That(server.Reason, Does.StartWith("p99 latency").And.Contain("is over the 50.0 ms bound: reduce target_qps"));
        Assert.That(server.AchievedQps / server.OfferedQps, Is.LessThan(0.85), "the backend cannot keep up");
        Assert.That(server.OverBoundShare, Is.GreaterThan(0.2));
    }

    /// <summary>
    /// Peak finding brackets the capacity and bisects it: with calls of 1 ms (an intent's service
    /// about 3 ms, so at most about 330 intents/s), the highest VALID rate at p90 ≤ 30 ms lies below
    /// that, an INVALID probe lies above it, and the cost is the hourly price spread over it. Bounds
    /// are wide on purpose: a loaded machine stretches the service and so lowers the capacity.
    /// </summary>
    [Test]
    public async Task Find_peak_reports_the_highest_valid_rate_and_the_cost_at_it()
    {
        using var run = new RunFixture(rows: 30);
        var fake = new FakeBackendFactory("Fake", run.Dataset)
        {
            Batches = false,
            Answer = _ =>
            {
                Hold(1);
                return Task.FromResult<Harness.Backends.ToolResponse?>(null);
            },
        };
        var top = "warmup: 3\nreports: [markdown, html]\nscenarios: [server]\nserver: { target_qps: 50, latency_bound_ms: 30, percentile: 90, rows: 200, seed: 5, find_peak: true }";
        var options = run.Options(BackendCatalog.Of(fake));

        var report = await run.RunAsync(run.Config("  - label: fake\n    plugin: Fake\n    cost: { usd_per_hour: 1 }", top), options);

        var server = report.Results.Single().Metrics.Server!;
        var peak = server.Peak!;
        TestContext.Out.WriteLine(string.Join(", ", peak.Probes.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.TargetQps:0.#}/s: {p.PercentileMs:0.##} ms {(p.Valid ? "VALID" : "INVALID")}"))));
        Assert.That(peak.CapacityQps, Is.Not.Null.And.InRange(1.0, 1000 / (3 * 1.0) * 1.25));
        var capacity = peak.CapacityQps!.Value;
        Assert.That(peak.Probes.Single(p => p.TargetQps == capacity).Valid, Is.True);
        Assert.That(peak.Bracketed, Is.True, "an INVALID probe above the capacity brackets it");
        Assert.That(peak.Probes.Where(p => p.Valid).Max(p => p.TargetQps), Is.EqualTo(capacity));
        Assert.That(peak.Probes.Select(p => p.TargetQps), Is.Ordered.And.Unique);
        Assert.That(peak.Probes, Has.Length.InRange(3, PeakFinder.RampSteps + 1 + PeakFinder.BisectionSteps));
        Assert.That(peak.UsdPer1kIntentsAtCapacity, Is.EqualTo(1 / (capacity * 3600) * 1000).Within(1e-12));
        Assert.That((server.TargetQps, server.Valid), Is.EqualTo((capacity, true)), "the reported run is the one at the capacity");
        Assert.That(File.ReadAllText(Path.Combine(options.RunDirectory, "report.md")), Does.Contain("**Capacity at p90 ≤ 30.0 ms: "));
        Assert.That(File.ReadAllText(Path.Combine(options.RunDirectory, "index.html")), Does.Contain("against offered load").And.Contain("capacity at bound"));
    }

    private const int Seed = 3;

    private static double IdealWait(double[] arrivals, double serviceMs)
    {
        double free = 0, total = 0;
        foreach (var a in arrivals.Select(s => s * 1000))
        {
            var start = Math.Max(a, free);
            total += start - a;
            free = start + serviceMs;
        }
        return total / arrivals.Length;
    }

    // Runs the server scenario over a fixed-service backend; returns its metrics and the mean service a call really took.
    private static async Task<(EvaluationMetrics Metrics, double ServiceMs)> RunAsync(double qps, int intents, double boundMs)
    {
        using var run = new RunFixture(rows: 30);
        var starts = new ConcurrentQueue<(string Id, long Start)>();
        var fake = new FakeBackendFactory("Fake", run.Dataset)
        {
            Batches = false,
            Answer = r =>
            {
                starts.Enqueue((r.IntentId, Stopwatch.GetTimestamp()));
                Hold(CallMs);
                return Task.FromResult<Harness.Backends.ToolResponse?>(null);
            },
        };
        var top = string.Create(CultureInfo.InvariantCulture,
            $"warmup: 3\nreports: []\nscenarios: [server]\nserver: {{ target_qps: {qps}, latency_bound_ms: {boundMs}, rows: {intents}, seed: {Seed} }}");
        var report = await run.RunAsync(run.Config("  - label: fake\n    plugin: Fake", top), run.Options(BackendCatalog.Of(fake)));

        // Calls are served in arrival order, an intent's three one after another: the first-to-third start gap is two calls' service.
        var ordered = starts.ToArray();
        var gaps = new List<double>();
        for (var i = 0; i + 2 < ordered.Length; i += 3)
        {
            if (ordered[i].Id == ordered[i + 2].Id)
                gaps.Add(Stopwatch.GetElapsedTime(ordered[i].Start, ordered[i + 2].Start).TotalMilliseconds / 2);
        }
        return (report.Results.Single().Metrics, gaps.Average());
    }

    // A deterministic service time: sleep most of it, spin the rest on the stopwatch.
    private static void Hold(double milliseconds)
    {
        var until = Stopwatch.GetTimestamp() + (long)(milliseconds / 1000 * Stopwatch.Frequency);
        if (milliseconds > 1.5) Thread.Sleep(TimeSpan.FromMilliseconds(milliseconds - 1.2));
        while (Stopwatch.GetTimestamp() < until) Thread.SpinWait(50);
    }
}
