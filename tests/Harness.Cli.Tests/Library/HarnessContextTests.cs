using System.Text.Json.Nodes;
using Harness.Api;
using Harness.Metrics;
using Harness.Running;
using Harness.Runs;

namespace Harness.Cli.Tests.Library;

/// <summary>
/// <see cref="HarnessContext"/> through the real plugin host (the built Retrieval and Replay
/// plugins): it gives what the commands give, and bad input is an <see cref="InputException"/>
/// with the command's message.
/// </summary>
public sealed class HarnessContextTests : SmallSplitTest
{
    private HarnessContext Harness() => new(new HarnessContextOptions { BaseDirectory = Fixture.Directory });

    private static Dictionary<string, string> Options(params (string Key, string Value)[] options) => options.ToDictionary(o => o.Key, o => o.Value);

    [Test]
    public async Task An_evaluation_writes_the_scores_harness_eval_writes_for_the_same_settings()
    {
        var config = Fixture.Write("eval.yaml",
            "dataset: test.jsonl\nwarmup: 1\nscenarios: [single-stream]\nreports: []\nbackends:\n  - label: retrieval\n    plugin: Retrieval\n    options: { train: test.jsonl, k: 3 }");
        var command = CliRunner.Run("eval", "--config", config, "--out", Fixture.PathOf("cli"));
        Assert.That(command.ExitCode, Is.EqualTo(0), command.Stderr);

        var harness = Harness();
        var backend = harness.Backends.Create("retrieval", Options(("train", "test.jsonl"), ("k", "3")), label: "retrieval");
        var result = await harness.Evaluation.EvaluateAsync(backend, harness.Data.Load(SplitPath), new EvaluationOptions { Warmup = 1, RunDirectory = Fixture.PathOf("api") });

        var fromCommand = Metrics("cli");
        var fromContext = Metrics("api");
        Assert.That(fromContext["subsets"]!.ToJsonString(), Is.EqualTo(fromCommand["subsets"]!.ToJsonString()));
        Assert.That(fromContext["parse"]!.ToJsonString(), Is.EqualTo(fromCommand["parse"]!.ToJsonString()));
        Assert.That(fromContext["run"]!["id"]!.GetValue<string>(), Is.EqualTo("api"), "the run folder's name is the run id, as with --out");
        Assert.That(result.Metrics.Subset("all").Overall, Is.EqualTo(fromCommand["subsets"]!["all"]!["overall"]!.GetValue<double>()).Within(1e-12));
        // run.json keeps the config harness eval would run for the same result.
        var recorded = ConfigLoader.Parse(RunManifest.Read(Fixture.PathOf("api/run.json")).ConfigText, Fixture.PathOf("recorded.yaml"));
        var entry = recorded.Backends.Single();
        Assert.That((entry.Label, entry.Plugin, entry.BatchSize), Is.EqualTo((backend.Label, backend.Plugin.Name, backend.BatchSize)));
        Assert.That(entry.Options, Is.EqualTo(backend.Options));
        Assert.That((recorded.Warmup, recorded.Limit, recorded.Scenarios.Single(), recorded.Seed), Is.EqualTo((1, 0, "single-stream", BootstrapOptions.DefaultSeed)));
    }

    [Test]
    public async Task Without_a_run_directory_an_evaluation_leaves_no_folder_and_its_seed_draws_the_intervals()
    {
        var dataset = Harness().Data.Load(SplitPath);
        async Task<SubsetMetrics> Run(int seed)
        {
            var harness = new HarnessContext(new HarnessContextOptions { BaseDirectory = Fixture.Directory, Seed = seed });
            var backend = harness.Backends.Create("Retrieval", Options(("train", "test.jsonl"), ("k", "1")));
            return (await harness.Evaluation.EvaluateAsync(backend, dataset, new EvaluationOptions { Scenario = "offline", Rows = 4 })).Metrics.Subset("all");
        }

        var (first, again) = (await Run(1), await Run(1));
        Assert.That(first.N, Is.EqualTo(4));
        Assert.That(again, Is.EqualTo(first), "the same seed gives the same scores and intervals");
        Assert.That(Directory.GetFileSystemEntries(Fixture.Directory).Select(Path.GetFileName), Is.EquivalentTo(new[] { "test.jsonl", "filters.txt" }));
    }

    [Test]
    public void A_backend_that_fails_to_start_throws_with_the_file_and_line_of_its_bad_train_row()
    {
        var rows = DatasetFixture.SmallSplit();
        var train = Fixture.Write("train.jsonl", rows[0], "{\"id\":\"t2\",\"intent\":\"dusk\",\"repeats\":1}");
        var harness = Harness();
        var backend = harness.Backends.Create("Retrieval", Options(("train", "train.jsonl")));

        var error = Assert.ThrowsAsync<InputException>(() => harness.Evaluation.EvaluateAsync(backend, harness.Data.Load(SplitPath)));

        Assert.That(error!.Message, Does.Contain("backend 'Retrieval' (Retrieval) failed to start").And.Contain(train + ":2:"));
    }

    [Test]
    public void An_unknown_plugin_or_option_is_an_input_error_listing_the_valid_ones()
    {
        var harness = Harness();

        var plugin = Assert.Throws<InputException>(() => harness.Backends.Create("Retreival"));
        var option = Assert.Throws<InputException>(() => harness.Backends.Create("Retrieval", Options(("trian", "test.jsonl"))));
        var label = Assert.Throws<InputException>(() => harness.Backends.Create("Retrieval", label: "../x"));

        Assert.That(plugin!.Message, Does.Contain("unknown plugin 'Retreival'; valid: ").And.Contain("Retrieval"));
        Assert.That(option!.Message, Does.Contain("Retrieval has no option 'trian'; valid: train"));
        Assert.That(label!.Message, Does.Contain("'../x' must be a folder-safe name"));
    }

    [Test]
    public void Validating_several_splits_gives_every_problem_of_every_file_and_the_intents_they_share()
    {
        var rows = DatasetFixture.SmallSplit();
        var broken = Fixture.Write("broken.jsonl", rows[0], "{not json");

        var error = Assert.Throws<InputException>(() => Harness().Data.Validate([SplitPath, broken, Fixture.Write("copy.jsonl", rows)]));

        Assert.That(error!.Problems, Has.Some.StartWith(broken + ":2:"));
        Assert.That(error.Problems, Has.Some.Contain("copy.jsonl").And.Contain("test.jsonl"), "the splits share intents");
    }

    [Test]
    public async Task A_gate_with_non_inferiority_rules_needs_a_baseline_and_compares_with_it()
    {
        var policy = Fixture.Write("gate.yaml", "min_overall: 0.5\nnon_inferiority:\n  overall: 0.01");
        var harness = Harness();
        var dataset = harness.Data.Load(SplitPath);
        var teacher = await harness.Evaluation.EvaluateAsync(harness.Backends.Create("Replay", Options(("dataset", "test.jsonl")), label: "teacher"), dataset);

        Assert.Throws<InputException>(() => harness.Gate.Check(harness.Gate.ReadPolicy(policy), dataset, teacher));
        var decision = harness.Gate.Check(harness.Gate.ReadPolicy(policy), dataset, teacher, baseline: teacher);

        Assert.That(decision.Passed, Is.True, decision.Headline);
        Assert.That(decision.Context.Differences, Is.Not.Null.And.Not.Empty);
        Assert.That(harness.Comparison.Compare(dataset, teacher, teacher).Find("all", "overall")!.Difference, Is.Zero);
    }

    private JsonNode Metrics(string run) =>
        JsonNode.Parse(File.ReadAllText(Fixture.PathOf(Path.Combine(run, "retrieval", "single-stream", "metrics.json"))))!;
}
