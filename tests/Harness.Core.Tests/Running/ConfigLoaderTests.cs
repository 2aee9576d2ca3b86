using Harness.Running;

namespace Harness.Core.Tests.Running;

public class ConfigLoaderTests
{
    private static readonly string ConfigPath = Path.Combine(Path.GetTempPath(), "configs", "eval.yaml");

    private const string Valid = """
        dataset: ../data/test.jsonl
        scenarios: [offline]
        warmup: 3
        timeout_s: 1.5
        seed: 7
        limit: 10
        reports: [markdown]
        backends:
          - label: teacher
            plugin: Replay
            options: { dataset: ../data/test.jsonl }
            cost: { usd_per_hour: 0.5 }
          - label: api
            plugin: OpenAiCompatible
            batch_size: 8
            prompt_template: "Q {intent} / {tool}"
            cost: { usd_per_1k_input_tokens: 0.001, usd_per_1k_output_tokens: 0.002 }
        """;

    private static InputException Error(string text) =>
        Assert.Throws<InputException>(() => ConfigLoader.Parse(text, ConfigPath, "eval.yaml"))!;

    [Test]
    public void A_valid_config_is_read_with_paths_resolved_against_its_folder()
    {
        var config = ConfigLoader.Parse(Valid, ConfigPath);

        Assert.That(config.Dataset, Is.EqualTo(Path.GetFullPath(Path.Combine(Path.GetTempPath(), "data", "test.jsonl"))));
        Assert.That(config.Scenarios, Is.EqualTo(new[] { "offline" }));
        Assert.That((config.Warmup, config.TimeoutSeconds, config.Seed, config.Limit), Is.EqualTo((3, 1.5, 7, 10)));
        Assert.That(config.Backends[0].Options["dataset"], Is.EqualTo("../data/test.jsonl"));
        Assert.That(config.Backends[0].PromptTemplate, Is.EqualTo("tool: {tool}\nintent: {intent}"));
        Assert.That(config.Backends[0].Cost, Is.EqualTo(new CostConfig(0.5, null, null)));
        Assert.That(config.Backends[1].BatchSize, Is.EqualTo(8));
        Assert.That(config.Backends[1].PromptTemplate, Is.EqualTo("Q {intent} / {tool}"));
        Assert.That(config.Backends[1].Cost, Is.EqualTo(new CostConfig(null, 0.001, 0.002)));
    }

    [Test]
    public void Defaults_are_both_scenarios_five_warm_up_intents_and_the_concise_template()
    {
        var config = ConfigLoader.Parse("dataset: t.jsonl\nbackends:\n  - {label: a, plugin: Replay}\n", ConfigPath);

        Assert.That(config.Scenarios, Is.EqualTo(new[] { "single-stream", "offline" }));
        Assert.That((config.Warmup, config.TimeoutSeconds, config.Limit), Is.EqualTo((5, 60.0, 0)));
        Assert.That(config.PromptTemplate, Is.EqualTo(EvalConfig.DefaultPromptTemplate));
        Assert.That(config.Backends[0].BatchSize, Is.EqualTo(1));
        Assert.That(config.Backends[0].Cost, Is.Null);
    }

    [Test]
    public void An_unknown_key_names_the_file_line_and_field_and_lists_the_valid_keys()
    {
        var error = Error(Valid.Replace("    batch_size: 8", "    batchsize: 8"));

        Assert.That(error.Message, Does.StartWith("eval.yaml:15: backends[1].batchsize: unknown key").And.Contain("batch_size"));
    }

    [Test]
    public void A_missing_field_is_named()
    {
        Assert.That(Error("backends:\n  - {label: a, plugin: Replay}\n").Message, Does.Contain("eval.yaml:1: dataset: is required"));
        Assert.That(Error("dataset: t.jsonl\nbackends:\n  - {label: a}\n").Message, Does.Contain("backends[0].plugin: is required"));
        Assert.That(Error("dataset: t.jsonl\n").Message, Does.Contain("backends: is required"));
    }

    [Test]
    public void A_bad_scenario_name_lists_the_valid_ones()
    {
        var error = Error(Valid.Replace("[offline]", "[offline, servers]"));

        Assert.That(error.Message, Does.StartWith("eval.yaml:2: scenarios: unknown scenario 'servers'").And.Contain("single-stream, offline, server"));
    }

    [Test]
    public void A_label_used_twice_is_refused()
    {
        var error = Error(Valid.Replace("label: api", "label: teacher"));

        Assert.That(error.Message, Does.Contain("backends[1].label").And.Contain("'teacher' is used twice"));
    }

    [Test]
    public void Malformed_yaml_names_the_line()
    {
        var error = Error("dataset: t.jsonl\nbackends:\n  - label: a\n   plugin: [unclosed\n");

        Assert.That(error.Message, Does.Match(@"^eval\.yaml:\d+: malformed YAML: "));
        Assert.That(error.Message, Does.Not.Contain("\n"));
    }

    [TestCase("dataset: [unclosed\nbackends: []\n")]
    [TestCase("dataset: t.jsonl\nbackends: [{label: a, plugin: Replay}\n")]
    public void An_unclosed_flow_collection_is_malformed_yaml_on_the_line_it_opens(string text)
    {
        var error = Error(text);

        Assert.That(error.Message, Does.Match(@"^eval\.yaml:\d: malformed YAML: "));
        Assert.That(error.Message, Does.Not.Contain("\n"));
    }

    [TestCase("timeout_s: 1.5", "timeout_s: 1e12", "eval.yaml:4: timeout_s: must be a number > 0 and <= 3600, not '1e12'")]
    [TestCase("timeout_s: 1.5", "timeout_s: 5000000", "eval.yaml:4: timeout_s: must be a number > 0 and <= 3600, not '5000000'")]
    [TestCase("batch_size: 8", "batch_size: 2000", "eval.yaml:15: backends[1].batch_size: must be a whole number >= 1 and <= 1024, not '2000'")]
    [TestCase("usd_per_hour: 0.5", "usd_per_hour: 1e300", "eval.yaml:12: backends[0].cost.usd_per_hour: must be a number >= 0 and <= 1000000")]
    [TestCase("usd_per_1k_output_tokens: 0.002", "usd_per_1k_output_tokens: 5000", "eval.yaml:17: backends[1].cost.usd_per_1k_output_tokens: must be a number >= 0 and <= 1000")]
    public void A_number_outside_its_range_names_the_field_and_the_range(string valid, string bad, string message)
    {
        Assert.That(Error(Valid.Replace(valid, bad)).Message, Does.StartWith(message));
    }

    [Test]
    public void The_longest_timeout_times_the_largest_batch_fits_a_cancellation_timer()
    {
        // CallExecutor gives a batch timeout_s x its size; CancellationTokenSource.CancelAfter takes at most 2^32 - 2 ms.
        var longest = TimeSpan.FromSeconds(ConfigLoader.MaxTimeoutSeconds * ConfigLoader.MaxBatchSize);

        Assert.That(longest.TotalMilliseconds, Is.LessThan(uint.MaxValue - 1.0));
        using var timer = new CancellationTokenSource();
        Assert.DoesNotThrow(() => timer.CancelAfter(longest));
    }

    [TestCase("\"a\\x01b\"", "'a\\u0001b'")]
    [TestCase("\"a\\tb\"", "'a\\tb'")]
    [TestCase("\"a\\nb\"", "'a\\nb'")]
    [TestCase("\"<script>\"", "'<script>'")]
    [TestCase("a|b", "'a|b'")]
    [TestCase("..", "'..'")]
    [TestCase("\"\"", "''")]
    public void A_label_that_is_not_printable_folder_safe_text_is_refused_on_one_line(string yaml, string shown)
    {
        var error = Error(Valid.Replace("label: api", "label: " + yaml));

        Assert.That(error.Message, Does.StartWith($"eval.yaml:13: backends[1].label: {shown} must be a folder-safe name"));
        Assert.That(error.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public void Bad_values_are_named_with_what_is_expected()
    {
        Assert.That(Error(Valid.Replace("warmup: 3", "warmup: -1")).Message, Does.Contain("eval.yaml:3: warmup: must be a whole number >= 0"));
        Assert.That(Error(Valid.Replace("timeout_s: 1.5", "timeout_s: 0")).Message, Does.Contain("timeout_s: must be a number > 0"));
        Assert.That(Error(Valid.Replace("batch_size: 8", "batch_size: 0")).Message, Does.Contain("backends[1].batch_size"));
        Assert.That(Error(Valid.Replace("{ usd_per_hour: 0.5 }", "{ usd_per_hour: 0.5, usd_per_1k_output_tokens: 1 }")).Message,
            Does.Contain("backends[0].cost: give either usd_per_hour"));
        Assert.That(Error(Valid.Replace("{ dataset: ../data/test.jsonl }", "[a, b]")).Message, Does.Contain("backends[0].options: must be a mapping"));
        Assert.That(Error(Valid.Replace("label: api", "label: a/b")).Message, Does.Contain("backends[1].label: 'a/b' must be a folder-safe name"));
    }

    [Test]
    public void Backends_that_declare_the_same_model_id_carry_it_and_others_have_none()
    {
        var config = ConfigLoader.Parse(
            "dataset: t.jsonl\nbackends:\n  - {label: onnx, plugin: Onnx, model_id: flan-t5-student}\n  - {label: hf, plugin: HfT5, model_id: flan-t5-student}\n  - {label: floor, plugin: Retrieval}\n",
            ConfigPath);

        Assert.That(config.Backends.Select(b => b.ModelId), Is.EqualTo(new[] { "flan-t5-student", "flan-t5-student", null }));
    }

    [TestCase("[a, b]", "eval.yaml:6: backends[1].model_id: must be a single value")]
    [TestCase("{ name: a }", "eval.yaml:6: backends[1].model_id: must be a single value")]
    [TestCase("\"  \"", "eval.yaml:6: backends[1].model_id: must be a name")]
    public void A_model_id_that_is_not_a_name_is_an_input_error_naming_the_field(string value, string message)
    {
        var error = Error("dataset: t.jsonl\nbackends:\n  - {label: a, plugin: Onnx}\n  - label: b\n    plugin: HfT5\n    model_id: " + value + "\n");

        Assert.That(error.Message, Does.StartWith(message));
    }

    [Test]
    public void Floor_ceiling_and_teacher_name_backends_by_label()
    {
        var config = ConfigLoader.Parse(Valid + "\nfloor: api\nceiling: api\nteacher: teacher\n", ConfigPath);

        Assert.That((config.Floor, config.Ceiling, config.Teacher), Is.EqualTo(("api", "api", "teacher")));
        Assert.That(Error(Valid + "\nfloor: retrieval\n").Message, Does.Contain("floor: 'retrieval' is not the label of a backend; labels: teacher, api"));
        Assert.That(Error(Valid + "\nteacher: gpt\n").Message, Does.Contain("teacher: 'gpt' is not the label of a backend; labels: teacher, api"));
    }

    [Test]
    public void The_server_section_is_read_with_its_defaults_and_a_backend_may_override_the_rate()
    {
        var text = Valid.Replace("[offline]", "[single-stream, server]").Replace("batch_size: 8", "batch_size: 8\n    target_qps: 5")
            + "\nserver: { target_qps: 20, latency_bound_ms: 100, duration_s: 30 }\n";

        var config = ConfigLoader.Parse(text, ConfigPath);

        Assert.That(config.Scenarios, Is.EqualTo(new[] { "single-stream", "server" }));
        Assert.That(config.Server, Is.EqualTo(new ServerConfig(20, 100, 99, 30, null, 1, ServerConfig.DefaultMaxBatchDelayMs)));
        Assert.That((config.Server!.QpsFor(config.Backends[0]), config.Server.QpsFor(config.Backends[1])), Is.EqualTo((20.0, 5.0)));
        Assert.That((config.Server.IntentCount(20, 1000), config.Server.IntentCount(5, 1000)), Is.EqualTo((600, 150)));
        Assert.That(config.Server.MinimumIntents, Is.EqualTo(100));
        Assert.That(ConfigLoader.Parse(text.Replace("duration_s: 30 }", "duration_s: 30, find_peak: true }"), ConfigPath).Server!.FindPeak, Is.True);
        Assert.That((config.Server with { Percentile = 99.9 }).MinimumIntents, Is.EqualTo(1000));
        Assert.That((config.Server with { DurationSeconds = null }).IntentCount(20, 1000), Is.EqualTo(1000), "neither: one intent per row");
    }

    [TestCase("target_qps: 0, latency_bound_ms: 100", "server.target_qps: must be a number > 0")]
    [TestCase("target_qps: -1, latency_bound_ms: 100", "server.target_qps: must be a number > 0")]
    [TestCase("target_qps: 20, latency_bound_ms: 0", "server.latency_bound_ms: must be a number > 0")]
    [TestCase("target_qps: 20, latency_bound_ms: -5", "server.latency_bound_ms: must be a number > 0")]
    [TestCase("target_qps: 20, latency_bound_ms: 100, percentile: 0", "server.percentile: must be a number > 0 and < 100")]
    [TestCase("target_qps: 20, latency_bound_ms: 100, percentile: 100", "server.percentile: must be a number > 0 and < 100")]
    [TestCase("target_qps: 20, latency_bound_ms: 100, percentile: 150", "server.percentile: must be a number > 0 and < 100")]
    [TestCase("target_qps: 20, latency_bound_ms: 100, percentile: p99", "server.percentile: must be a number")]
    [TestCase("target_qps: 20, latency_bound_ms: 100, rows: 10, duration_s: 3", "server: give either duration_s or rows")]
    [TestCase("target_qps: 20", "server.latency_bound_ms: is required")]
    [TestCase("target_qps: 20, latency_bound_ms: 100, find_peak: yes", "server.find_peak: must be true or false, not 'yes'")]
    [TestCase("target_qps: 20, latency_bound_ms: 100, qps: 3", "server.qps: unknown key")]
    public void A_bad_server_setting_names_the_file_line_and_field(string settings, string message)
    {
        var error = Error(Valid + "\nserver: { " + settings + " }\n");

        Assert.That(error.Message, Does.StartWith("eval.yaml:18: " + message));
    }

    [Test]
    public void The_server_scenario_without_its_settings_is_refused()
    {
        Assert.That(Error(Valid.Replace("[offline]", "[server]")).Message,
            Does.StartWith("eval.yaml:2: scenarios: the server scenario needs a top-level 'server:' section"));
    }

    [Test]
    public void A_missing_config_file_says_what_to_pass()
    {
        var error = Assert.Throws<InputException>(() => ConfigLoader.Load("no/such/eval.yaml"));

        Assert.That(error!.Message, Does.Contain("no/such/eval.yaml: config file not found"));
    }
}
