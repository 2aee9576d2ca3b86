using System.Globalization;
using Harness.Core.Tests.Running.Support;
using Harness.Plugins;
using Harness.Running;
using Harness.Runs;

namespace Harness.Core.Tests.Running;

/// <summary>What the server scenario records and scores, apart from its timing (<see cref="ServerScenarioTests"/>).</summary>
public class ServerRunTests
{
    private const string OneBackend = "  - label: fake\n    plugin: Fake\n    batch_size: 4";

    private static string Top(double qps, string count, string scenarios = "[server]", string extra = "") => string.Create(CultureInfo.InvariantCulture,
        $"warmup: 2\nreports: [markdown, html]\nscenarios: {scenarios}\nserver: {{ target_qps: {qps}, latency_bound_ms: 1000, {count}{extra} }}");

    [TestCase("rows: 5")]
    [TestCase("rows: 30")]
    [TestCase("duration_s: 0.2")]
    public async Task Every_row_is_answered_once_and_scores_as_in_single_stream_whatever_the_number_of_intents(string count)
    {
        using var run = new RunFixture(rows: 12);
        var fake = new FakeBackendFactory("Fake", run.Dataset);
        var options = run.Options(BackendCatalog.Of(fake));

        var report = await run.RunAsync(run.Config(OneBackend, Top(200, count, "[single-stream, server]")), options);

        var single = report.Results.Single(r => r.Metrics.Run.Scenario == ScenarioNames.SingleStream).Metrics;
        var server = report.Results.Single(r => r.Metrics.Run.Scenario == ScenarioNames.Server);
        Assert.That(server.Metrics.Subsets, Is.EqualTo(single.Subsets), "quality does not change with load");
        Assert.That(server.Metrics.Subset("all").Overall, Is.EqualTo(1.0));
        var lines = File.ReadAllLines(Path.Combine(RunLayout.ResultDirectory(options.RunDirectory, "fake", ScenarioNames.Server), RunLayout.PredictionsFile));
        Assert.That(lines, Has.Length.EqualTo(12 * 3), "one record per (intent, tool)");
        var expected = count == "rows: 5" ? 5 : count == "rows: 30" ? 30 : 40;
        Assert.That(server.Metrics.Server!.Intents, Is.EqualTo(expected));
        Assert.That(server.Metrics.Latency!.PerIntent.Count, Is.EqualTo(expected));
        Assert.That(server.Metrics.Latency.PerCall.Count, Is.EqualTo(expected * 3));
        var ci = server.Metrics.Server.PercentileCi95Ms!;
        Assert.That(server.Metrics.Server.PercentileMs, Is.InRange(ci.Lower, ci.Upper), "the p99's 95% interval holds it");
        Assert.That(ci.Upper, Is.EqualTo(server.Metrics.Latency.PerIntent.Max), "with so few intents beyond p99 the interval reaches the slowest");
        var md = File.ReadAllText(Path.Combine(options.RunDirectory, "report.md"));
        Assert.That(md, Does.Contain("#### Server (open loop").And.Contain("| p99 ≤ 1,000 |"));
        Assert.That(File.ReadAllText(Path.Combine(options.RunDirectory, "index.html")), Does.Contain("<h3>server</h3>"));
    }

    [Test]
    public void Too_few_intents_for_the_percentile_is_invalid()
    {
        var measurement = new ServerMeasurement(10, [1, 2, 3], [1, 1, 1, 2, 2, 2, 3, 3, 3], [0, 0, 0], 0.3, 0.31, 0, 0, 0);

        var summary = measurement.Summarize(new ServerConfig(10, 100, 99, null, 3, 1, 2));

        Assert.That(summary.Valid, Is.False);
        Assert.That(summary.Reason, Is.EqualTo("3 intents are too few for p99: at least 100 are needed so that one lies beyond it (raise duration_s or rows)"));
    }

    [Test]
    public async Task A_batching_backend_gets_the_waiting_calls_grouped_up_to_its_batch_size()
    {
        using var run = new RunFixture(rows: 12);
        var fake = new FakeBackendFactory("Fake", run.Dataset) { BatchDelay = TimeSpan.FromMilliseconds(20) };

        // Intents arrive every 2 ms on average while a batch takes 20 ms: calls pile up behind each batch.
        var report = await run.RunAsync(run.Config(OneBackend, Top(500, "rows: 60", extra: ", max_batch_delay_ms: 5")), run.Options(BackendCatalog.Of(fake)));

        Assert.That(report.Results.Single().Metrics.Subset("all").Overall, Is.EqualTo(1.0));
        Assert.That(fake.BatchSizes.Max(), Is.EqualTo(4), "full batches of batch_size");
        Assert.That(fake.BatchSizes, Is.All.InRange(1, 4));
    }

    /// <summary>
    /// Before the timed run the serving path is warmed under load: one second of arrivals at the
    /// starting rate (300 intents at 300/s), after the warm-up intents run one at a time (2), its
    /// answers dropped; <c>warmup: 0</c> turns both off, so the backend sees the timed run only.
    /// </summary>
    [TestCase(2, (2 + 300 + 24) * 3)]
    [TestCase(0, 24 * 3)]
    public async Task The_warm_up_under_load_runs_one_second_at_the_starting_rate_untimed_and_unrecorded(int warmup, int calls)
    {
        using var run = new RunFixture(rows: 12);
        var fake = new FakeBackendFactory("Fake", run.Dataset);
        var top = Top(300, "rows: 24").Replace("warmup: 2", $"warmup: {warmup}", StringComparison.Ordinal);

        var report = await run.RunAsync(run.Config(OneBackend, top), run.Options(BackendCatalog.Of(fake)));

        var result = report.Results.Single();
        Assert.That(fake.Calls, Has.Count.EqualTo(calls), "warm-up one at a time, warm-up under load, timed run");
        Assert.That(result.Calls, Has.Length.EqualTo(12 * 3), "one record per (intent, tool)");
        Assert.That(result.Calls.Count(c => c.Warmup), Is.EqualTo(warmup * 3), "only the warm-up intents run one at a time are marked warm-up");
        Assert.That(result.Metrics.Server!.Intents, Is.EqualTo(24), "the warm-up under load is not timed");
    }

    [Test]
    public async Task A_backend_that_does_not_batch_gets_one_call_at_a_time()
    {
        using var run = new RunFixture(rows: 12);
        var fake = new FakeBackendFactory("Fake", run.Dataset) { Batches = false, BatchDelay = TimeSpan.FromMilliseconds(2) };

        await run.RunAsync(run.Config(OneBackend, Top(500, "rows: 40")), run.Options(BackendCatalog.Of(fake)));

        Assert.That(fake.BatchSizes, Is.All.EqualTo(1));
    }

    [Test]
    public async Task Resume_keeps_the_recorded_calls_for_quality_but_times_the_whole_schedule_again()
    {
        using var run = new RunFixture(rows: 12);
        var fake = new FakeBackendFactory("Fake", run.Dataset);
        var config = run.Config(OneBackend, Top(300, "rows: 24"));
        await run.RunAsync(config, run.Options(BackendCatalog.Of(fake)));
        var first = fake.Calls.Count;

        var report = await run.RunAsync(config, run.Options(BackendCatalog.Of(fake), resume: true));

        var result = report.Results.Single();
        Assert.That(result.Calls, Has.Length.EqualTo(12 * 3), "no call recorded twice");
        Assert.That(result.Metrics.Server!.Intents, Is.EqualTo(24), "every intent timed again");
        Assert.That(fake.Calls.Count - first, Is.GreaterThanOrEqualTo(24 * 3));
        Assert.That(result.Metrics.Subset("all").Overall, Is.EqualTo(1.0));
    }
}
