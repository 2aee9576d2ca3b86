using System.Diagnostics;
using System.Globalization;
using Harness.Core.Tests.Running.Support;
using Harness.Plugins;

namespace Harness.Core.Tests.Running;

/// <summary>
/// <c>concurrency: N</c> in the server scenario: a fixed-service backend (each call held 5 ms) that may
/// take two calls at once serves the same load with far less waiting. At ρ = 0.8 of one instance, two
/// instances halve the utilisation, and the mean wait falls by much more than half (M/D/1 at 0.8 against
/// M/D/2 at 0.4). The test asserts only that the mean latency with 2 is below 0.75× that with 1: the
/// ratio, not an absolute time, holds on a loaded shared 2-core machine (a stretched service slows both runs).
/// </summary>
[NonParallelizable]
public class ServerConcurrencyTests
{
    [Test]
    public async Task Two_instances_serve_the_same_load_with_much_less_waiting()
    {
        var one = await MeanLatencyAsync(1);
        var two = await MeanLatencyAsync(2);
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean intent latency: concurrency 1 {one.Mean:0.00} ms, 2 {two.Mean:0.00} ms; most calls at once {two.Peak}"));
        Assert.That(two.Peak, Is.EqualTo(2), "two calls were out at once");
        Assert.That(one.Peak, Is.EqualTo(1));
        Assert.That(two.Mean / one.Mean, Is.LessThan(0.75));
    }

    [Test]
    public void More_calls_at_once_than_the_plugin_takes_is_an_error_naming_the_field_and_the_limit()
    {
        using var run = new RunFixture(rows: 4);
        var fake = new FakeBackendFactory("Fake", run.Dataset) { Batches = false };
        var top = "reports: []\nscenarios: [server]\nserver: { target_qps: 50, latency_bound_ms: 1000, rows: 10 }";

        var error = Assert.ThrowsAsync<InputException>(() => run.RunAsync(run.Config("  - label: fake\n    plugin: Fake\n    concurrency: 3", top), run.Options(BackendCatalog.Of(fake))));

        Assert.That(error!.Message, Does.Contain("backends[0].concurrency: 3 is more than Fake allows: it takes at most 1 call at once"));
    }

    /// <summary>
    /// Ctrl+C while a backend call blocks (and ignores its token): the run still ends, after the load
    /// generator's 2 s grace. The bound of 15 s is generous for a loaded shared machine; a run that waited
    /// for the call would take its full 60 s.
    /// </summary>
    [Test]
    public void Ctrl_C_ends_a_server_run_promptly_when_a_backend_call_blocks()
    {
        using var run = new RunFixture(rows: 4);
        using var never = new ManualResetEventSlim();
        var fake = new FakeBackendFactory("Fake", run.Dataset)
        {
            Batches = false,
            MaxConcurrency = 2,
            Answer = _ =>
            {
                never.Wait(TimeSpan.FromSeconds(60));
                return Task.FromResult<Harness.Backends.ToolResponse?>(null);
            },
        };
        // No warm-up: the call blocks in the timed run, in the load generator's workers.
        var top = "warmup: 0\nreports: []\nscenarios: [server]\nserver: { target_qps: 50, latency_bound_ms: 1000, rows: 20 }";
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        Assert.CatchAsync<OperationCanceledException>(() => run.RunAsync(run.Config("  - label: fake\n    plugin: Fake\n    concurrency: 2", top), run.Options(BackendCatalog.Of(fake)), cancel.Token));

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)));
        never.Set();
    }

    private static async Task<(double Mean, int Peak)> MeanLatencyAsync(int concurrency)
    {
        using var run = new RunFixture(rows: 30);
        int inFlight = 0, peak = 0;
        var fake = new FakeBackendFactory("Fake", run.Dataset)
        {
            Batches = false,
            MaxConcurrency = 2,
            Answer = _ =>
            {
                var now = Interlocked.Increment(ref inFlight);
                int seen;
                while ((seen = Volatile.Read(ref peak)) < now && Interlocked.CompareExchange(ref peak, now, seen) != seen) { }
                var until = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 5 / 1000;
                Thread.Sleep(4);
                while (Stopwatch.GetTimestamp() < until) Thread.SpinWait(50);
                Interlocked.Decrement(ref inFlight);
                return Task.FromResult<Harness.Backends.ToolResponse?>(null);
            },
        };
        var top = "warmup: 2\nreports: []\nscenarios: [server]\nserver: { target_qps: 53, latency_bound_ms: 10000, rows: 300, seed: 4 }";
        var report = await run.RunAsync(run.Config($"  - label: fake\n    plugin: Fake\n    concurrency: {concurrency}", top), run.Options(BackendCatalog.Of(fake)));
        var metrics = report.Results.Single().Metrics;
        Assert.That(metrics.Server!.Concurrency, Is.EqualTo(concurrency));
        return (metrics.Latency!.PerIntent.Mean, peak);
    }
}
