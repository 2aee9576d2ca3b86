using System.Text.Json;
using Harness.Backends;
using Harness.Core.Tests.Running.Support;
using Harness.Parsing;
using Harness.Plugins;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Core.Tests.Running;

public class EvaluationRunnerTests
{
    private const string OneBackend = "  - label: fake\n    plugin: Fake\n    batch_size: 4";

    [Test]
    public async Task Teacher_answers_score_one_in_both_scenarios_and_every_call_is_logged()
    {
        using var run = new RunFixture();
        var fake = new FakeBackendFactory("Fake", run.Dataset);
        var options = run.Options(BackendCatalog.Of(fake));

        var report = await run.RunAsync(run.Config(OneBackend), options);

        Assert.That(report.Results.Select(r => r.Metrics.Run.Scenario), Is.EqualTo(new[] { "single-stream", "offline" }));
        foreach (var result in report.Results)
        {
            Assert.That(result.Metrics.Subset("all").Overall, Is.EqualTo(1.0), result.Metrics.Run.Scenario);
            var dir = RunLayout.ResultDirectory(options.RunDirectory, "fake", result.Metrics.Run.Scenario);
            Assert.That(File.ReadAllLines(Path.Combine(dir, RunLayout.PredictionsFile)), Has.Length.EqualTo(run.Dataset.Rows.Length * 3));
            Assert.That(File.Exists(Path.Combine(dir, RunLayout.MetricsFile)), Is.True);
        }
        Assert.That(File.ReadAllText(Path.Combine(options.RunDirectory, RunLayout.RunFile)), Does.Contain("\"dataset\"").And.Contain("\"cpu_cores\""));
        Assert.That(fake.Calls, Has.Count.EqualTo(run.Dataset.Rows.Length * 3 * 2));
    }

    [Test]
    public async Task A_failed_call_is_recorded_as_a_backend_error_and_the_run_goes_on()
    {
        using var run = new RunFixture();
        var failing = run.Dataset.Rows[3].Id;
        var fake = new FakeBackendFactory("Fake", run.Dataset)
        {
            Answer = r => Task.FromResult(r.IntentId == failing && r.Tool == ToolName.Filter ? ToolResponse.Failed("GPU fell over") : null),
        };

        var report = await run.RunAsync(run.Config(OneBackend), run.Options(BackendCatalog.Of(fake)));

        foreach (var result in report.Results)
        {
            var failed = result.Calls.Single(c => c.Error is not null);
            Assert.That((failed.IntentId, failed.Tool, failed.Error), Is.EqualTo((failing, ToolName.Filter, "GPU fell over")));
            Assert.That(failed.Parsed.Failure, Is.EqualTo(ParseFailureKind.BackendError));
            Assert.That(result.Calls, Has.Length.EqualTo(run.Dataset.Rows.Length * 3));
            Assert.That(result.Metrics.Parse.Failures, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_call_past_the_timeout_is_recorded_as_timed_out_even_when_the_backend_ignores_cancellation()
    {
        using var run = new RunFixture(rows: 4);
        var slow = run.Dataset.Rows[1].Id;
        var fake = new FakeBackendFactory("Fake", run.Dataset)
        {
            Batches = false,
            Answer = async r =>
            {
                if (r.IntentId == slow && r.Tool == ToolName.Adjust) await Task.Delay(3000, CancellationToken.None);
                return null;
            },
        };

        var report = await run.RunAsync(run.Config(OneBackend, "warmup: 0\nreports: []\ntimeout_s: 0.2\nscenarios: [single-stream]"), run.Options(BackendCatalog.Of(fake)));

        var calls = report.Results.Single().Calls;
        Assert.That(calls.Single(c => c.Error is not null).Error, Does.StartWith("timed out after 0.2 s"));
        Assert.That(calls.Count(c => c.Error is null), Is.EqualTo(4 * 3 - 1));
    }

    [Test]
    public async Task A_backend_that_fails_to_start_fails_its_own_results_and_the_others_still_run()
    {
        using var run = new RunFixture();
        var broken = new FakeBackendFactory("Broken", run.Dataset) { StartFailure = new BackendException("model.onnx not found; run fetch-models.sh") };
        var fake = new FakeBackendFactory("Fake", run.Dataset);
        var config = run.Config("  - label: broken\n    plugin: Broken\n" + OneBackend);

        var report = await run.RunAsync(config, run.Options(BackendCatalog.Of(broken, fake)));

        var byLabel = report.Results.ToLookup(r => r.Label);
        Assert.That(byLabel["broken"].Select(r => r.Error), Has.All.Contains("model.onnx not found"));
        Assert.That(byLabel["broken"].Select(r => r.Calls.Length), Has.All.EqualTo(0));
        Assert.That(byLabel["fake"].Select(r => r.Error), Has.All.Null);
        Assert.That(byLabel["fake"].Select(r => r.Metrics.Subset("all").Overall), Has.All.EqualTo(1.0));
    }

    [Test]
    public async Task Cancelling_half_way_and_resuming_gives_the_same_metrics_as_an_uninterrupted_run_repeating_only_the_warm_up()
    {
        using var run = new RunFixture(rows: 20);
        var config = run.Config(OneBackend, "warmup: 2\nreports: []");
        var wrongFilter = run.Dataset.Rows.Where((_, i) => i % 3 == 1).Select(r => r.Id).ToHashSet();
        Func<ToolRequest, Task<ToolResponse?>> answer = r => Task.FromResult(
            r.Tool == ToolName.Filter && wrongFilter.Contains(r.IntentId) ? new ToolResponse("{\"name\":\"cool\",\"intensity\":5}", 3, 4) : null);

        var straight = new FakeBackendFactory("Fake", run.Dataset) { Answer = answer };
        var expected = await run.RunAsync(config, run.Options(BackendCatalog.Of(straight), "straight"));

        using var stop = new CancellationTokenSource();
        var interrupted = new FakeBackendFactory("Fake", run.Dataset)
        {
            Answer = answer,
            AfterBatch = f => { if (f.Calls.Count >= 80) stop.Cancel(); },
        };
        var catalog = BackendCatalog.Of(interrupted);
        Assert.That(async () => await run.RunAsync(config, run.Options(catalog, "resumed"), stop.Token), Throws.InstanceOf<OperationCanceledException>());
        var callsBeforeResume = interrupted.Calls.Count;
        var resumed = await run.RunAsync(config, run.Options(catalog, "resumed", resume: true));

        Assert.That(callsBeforeResume, Is.GreaterThan(60).And.LessThan(120), "the cancel came in the offline scenario, after a finished batch");
        // The resumed scenario first warms the cold backend again with its two warm-up intents (unrecorded);
        // apart from those six calls, each (intent, tool) is asked once per scenario.
        var warm = run.Dataset.Rows.Take(2).Select(r => r.Id).ToHashSet();
        var counts = interrupted.Calls.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(counts.Where(p => !warm.Contains(p.Key.Id)).Select(p => p.Value), Has.All.EqualTo(2), "no call made twice");
        Assert.That(counts.Where(p => warm.Contains(p.Key.Id)).Select(p => p.Value), Has.All.EqualTo(3), "the warm-up intents once more, to warm up");
        Assert.That(interrupted.Calls, Has.Count.EqualTo(20 * 3 * 2 + 2 * 3));
        for (var i = 0; i < expected.Results.Length; i++)
        {
            // Scores and parse counts as metrics.json writes them; latency differs run to run.
            Assert.That(Section(resumed.Results[i], "subsets"), Is.EqualTo(Section(expected.Results[i], "subsets")));
            Assert.That(Section(resumed.Results[i], "parse"), Is.EqualTo(Section(expected.Results[i], "parse")));
            Assert.That(resumed.Results[i].Metrics.Subset("all").Overall, Is.LessThan(1.0));
        }
    }

    [Test]
    public async Task Latency_percentiles_exclude_the_warm_up_intents()
    {
        using var run = new RunFixture(rows: 8);
        var warm = run.Dataset.Rows.Take(2).Select(r => r.Id).ToHashSet();
        var fake = new FakeBackendFactory("Fake", run.Dataset)
        {
            Answer = async r =>
            {
                if (warm.Contains(r.IntentId)) await Task.Delay(400);
                return null;
            },
        };

        var report = await run.RunAsync(run.Config(OneBackend, "warmup: 2\nreports: []"), run.Options(BackendCatalog.Of(fake)));

        foreach (var result in report.Results)
        {
            var latency = result.Metrics.Latency!;
            Assert.That(latency.PerIntent.Count, Is.EqualTo(6), result.Metrics.Run.Scenario);
            Assert.That(latency.PerCall.Count, Is.EqualTo(18), result.Metrics.Run.Scenario);
            Assert.That(latency.PerIntent.Max, Is.LessThan(400), result.Metrics.Run.Scenario);
            Assert.That(result.Calls.Count(c => c.Warmup), Is.EqualTo(6), result.Metrics.Run.Scenario);
        }
    }

    [Test]
    public async Task Single_stream_sends_an_intents_three_calls_as_one_batch_and_offline_uses_the_batch_size()
    {
        using var run = new RunFixture(rows: 5);
        var fake = new FakeBackendFactory("Fake", run.Dataset);

        await run.RunAsync(run.Config(OneBackend, "warmup: 1\nreports: []"), run.Options(BackendCatalog.Of(fake)));

        // single-stream: 5 intents x 3; offline: warm-up 3 calls, then 12 calls in batches of 4.
        Assert.That(fake.BatchSizes, Is.EqualTo(new[] { 3, 3, 3, 3, 3, 3, 4, 4, 4 }));
    }

    [Test]
    public async Task A_backend_without_batching_gets_one_call_at_a_time_in_single_stream()
    {
        using var run = new RunFixture(rows: 3);
        var fake = new FakeBackendFactory("Fake", run.Dataset) { Batches = false };

        await run.RunAsync(run.Config(OneBackend, "warmup: 0\nreports: []\nscenarios: [single-stream]"), run.Options(BackendCatalog.Of(fake)));

        Assert.That(fake.BatchSizes, Has.All.EqualTo(1));
        Assert.That(fake.BatchSizes, Has.Count.EqualTo(9));
    }

    [Test]
    public async Task Limit_runs_only_the_first_rows()
    {
        using var run = new RunFixture(rows: 10);
        var fake = new FakeBackendFactory("Fake", run.Dataset);

        var report = await run.RunAsync(run.Config(OneBackend, "warmup: 0\nreports: []\nlimit: 4\nscenarios: [offline]"), run.Options(BackendCatalog.Of(fake)));

        Assert.That(report.Results.Single().Metrics.Subset("all").N, Is.EqualTo(4));
        Assert.That(fake.Calls.Select(c => c.Id).Distinct(), Is.EqualTo(run.Dataset.Rows.Take(4).Select(r => r.Id)));
    }

    [Test]
    public async Task Resume_refuses_when_the_config_or_a_model_changed_and_a_new_run_refuses_an_existing_folder()
    {
        using var run = new RunFixture(rows: 3);
        var fake = new FakeBackendFactory("Fake", run.Dataset);
        var catalog = BackendCatalog.Of(fake);
        await run.RunAsync(run.Config(OneBackend), run.Options(catalog));

        var again = Assert.ThrowsAsync<InputException>(() => run.RunAsync(run.Config(OneBackend), run.Options(catalog)));
        var changedConfig = Assert.ThrowsAsync<InputException>(() => run.RunAsync(run.Config(OneBackend, "warmup: 1\nreports: []"), run.Options(catalog, resume: true)));
        fake.ModelSha256 = "fedcba9876543210";
        var changedModel = Assert.ThrowsAsync<InputException>(() => run.RunAsync(run.Config(OneBackend), run.Options(catalog, resume: true)));

        Assert.That(again!.Message, Does.Contain("--resume"));
        Assert.That(changedConfig!.Message, Does.Contain("cannot resume").And.Contain("config changed"));
        Assert.That(changedModel!.Message, Does.Contain("cannot resume").And.Contain("'fake' model changed"));
    }

    [Test]
    public void An_unknown_plugin_is_refused_before_any_call_and_lists_the_valid_ones()
    {
        using var run = new RunFixture(rows: 3);
        var fake = new FakeBackendFactory("Fake", run.Dataset);
        var config = run.Config(OneBackend + "\n  - label: other\n    plugin: Onnx");

        var error = Assert.ThrowsAsync<InputException>(() => run.RunAsync(config, run.Options(BackendCatalog.Of(fake))));

        Assert.That(error!.Message, Does.Contain("backends[1].plugin").And.Contain("'Onnx'").And.Contain("valid: Fake"));
        Assert.That(fake.Calls, Is.Empty);
    }

    private static string Section(BackendRunResult result, string key) =>
        JsonDocument.Parse(MetricsJson.Serialize(result.Metrics)).RootElement.GetProperty(key).GetRawText();

    [Test]
    public void An_option_the_plugin_does_not_know_is_refused_listing_the_ones_it_does()
    {
        using var run = new RunFixture(rows: 3);
        var fake = new FakeBackendFactory("Fake", run.Dataset);

        var error = Assert.ThrowsAsync<InputException>(() => run.RunAsync(run.Config(OneBackend + "\n    options: { modle: x.onnx }"), run.Options(BackendCatalog.Of(fake))));

        Assert.That(error!.Message, Does.Contain("backends[0].options.modle: Fake has no option 'modle'; valid: model"));
    }

    [Test]
    public async Task Offline_gives_each_call_its_share_of_the_batch_time_and_single_stream_sums_sequential_calls()
    {
        using var run = new RunFixture(rows: 4);
        var batching = new FakeBackendFactory("Batching", run.Dataset) { BatchDelay = TimeSpan.FromMilliseconds(200) };
        var sequential = new FakeBackendFactory("Sequential", run.Dataset) { Batches = false, BatchDelay = TimeSpan.FromMilliseconds(60) };
        var config = run.Config("  - label: b\n    plugin: Batching\n    batch_size: 4\n  - label: s\n    plugin: Sequential", "warmup: 0\nreports: []");

        var report = await run.RunAsync(config, run.Options(BackendCatalog.Of(batching, sequential)));

        var offline = report.Results.Single(r => r.Label == "b" && r.Metrics.Run.Scenario == "offline").Metrics.Latency!;
        Assert.That(offline.PerCall.P50, Is.GreaterThanOrEqualTo(45).And.LessThan(200), "a quarter of a 200 ms batch");
        var single = report.Results.Single(r => r.Label == "s" && r.Metrics.Run.Scenario == "single-stream").Metrics.Latency!;
        Assert.That(single.PerCall.P50, Is.GreaterThanOrEqualTo(55));
        Assert.That(single.PerIntent.P50, Is.GreaterThanOrEqualTo(165), "three sequential calls of 60 ms");
    }

    [Test]
    public async Task Resume_refuses_when_the_dataset_changed()
    {
        using var run = new RunFixture(rows: 4);
        var catalog = BackendCatalog.Of(new FakeBackendFactory("Fake", run.Dataset));
        await run.RunAsync(run.Config(OneBackend), run.Options(catalog));
        File.WriteAllLines(run.DatasetPath, File.ReadAllLines(run.DatasetPath).Take(3));

        var error = Assert.ThrowsAsync<InputException>(() => run.RunAsync(run.Config(OneBackend), run.Options(catalog, resume: true)));

        Assert.That(error!.Message, Does.Contain("cannot resume: the dataset").And.Contain("changed since the run started"));
    }
}
