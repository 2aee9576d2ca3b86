namespace Harness.Cli.Tests.Commands;

public class EvalCommandTests : SmallSplitTest
{
    private string Config(string backends, string top = "warmup: 1\nreports: []") =>
        Fixture.Write("eval.yaml", $"dataset: test.jsonl\n{top}\nbackends:\n{backends}");

    private const string Teacher = "  - label: teacher\n    plugin: Replay\n    options: { dataset: test.jsonl }\n    cost: { usd_per_hour: 1 }";

    [Test]
    public void Eval_runs_each_backend_in_each_scenario_prints_the_scores_and_writes_the_run_folder()
    {
        var output = Fixture.PathOf("reports/r1");
        var retrieval = "  - label: retrieval\n    plugin: Retrieval\n    options: { train: test.jsonl }\n    batch_size: 4";

        var result = CliRunner.Run("eval", "--config", Config(Teacher + "\n" + retrieval, "warmup: 1\nreports: [markdown]"), "--out", output);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("teacher / single-stream: overall 1.000 [1.000, 1.000]"));
        Assert.That(result.Stdout, Does.Contain("teacher / offline: overall 1.000"));
        // Retrieval over its own train split finds every intent itself.
        Assert.That(result.Stdout, Does.Contain("retrieval / offline: overall 1.000"));
        foreach (var dir in new[] { "teacher/single-stream", "teacher/offline", "retrieval/single-stream", "retrieval/offline" })
            Assert.That(File.Exists(Path.Combine(output, dir, "metrics.json")), Is.True, dir);
        Assert.That(File.Exists(Path.Combine(output, "run.json")), Is.True);
        Assert.That(result.Stdout, Does.Contain("report: " + Path.Combine(output, "report.md")));
        Assert.That(File.ReadAllText(Path.Combine(output, "report.md")), Does.Contain("retrieval"));
    }

    [Test]
    public void The_server_scenario_prints_its_verdict_and_writes_the_server_section()
    {
        var output = Fixture.PathOf("reports/r1");
        var top = "warmup: 1\nreports: [markdown]\nscenarios: [server]\nserver: { target_qps: 200, latency_bound_ms: 1000, rows: 120, seed: 4 }";

        var result = CliRunner.Run("eval", "--config", Config(Teacher, top), "--out", output);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("teacher / server: overall 1.000").And.Contain("VALID (p99 latency"));
        using var metrics = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "teacher", "server", "metrics.json")));
        var server = metrics.RootElement.GetProperty("server");
        Assert.That((server.GetProperty("target_qps").GetDouble(), server.GetProperty("intents").GetInt32(), server.GetProperty("valid").GetBoolean()), Is.EqualTo((200.0, 120, true)));
        Assert.That(File.ReadAllText(Path.Combine(output, "report.md")), Does.Contain("#### Server (open loop"));
    }

    [Test]
    public void A_backend_that_reports_confidence_gets_ranking_metrics_in_metrics_json_and_PR_curves_in_the_report()
    {
        var output = Fixture.PathOf("reports/r1");
        var retrieval = "  - label: retrieval\n    plugin: Retrieval\n    options: { train: test.jsonl, k: 3 }";

        var result = CliRunner.Run("eval", "--config", Config(Teacher + "\n" + retrieval, "warmup: 0\nscenarios: [offline]\nreports: [html]"), "--out", output);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(File.ReadAllText(Path.Combine(output, "teacher", "offline", "metrics.json")), Does.Not.Contain("\"ranking\""), "Replay gives no probability");
        using var metrics = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "retrieval", "offline", "metrics.json")));
        var ranking = metrics.RootElement.GetProperty("subsets").GetProperty("all").GetProperty("ranking");
        Assert.That(ranking.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "adjust", "selective_adjust", "filter" }));
        Assert.That(File.ReadLines(Path.Combine(output, "retrieval", "offline", "predictions.jsonl")), Has.All.Contain("\"not_used_probability\":"));
        Assert.That(File.ReadAllText(Path.Combine(output, "index.html")), Does.Contain("<section id=\"confidence\">").And.Contain("retrieval greedy: precision"));
    }

    [Test]
    public void A_backend_that_fails_to_start_is_reported_the_others_run_and_the_exit_code_is_2()
    {
        var output = Fixture.PathOf("reports/r2");
        var broken = "  - label: broken\n    plugin: Retrieval\n    options: { train: missing.jsonl }";

        var result = CliRunner.Run("eval", "--config", Config(broken + "\n" + Teacher), "--out", output);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stdout, Does.Contain("backend 'broken' (Retrieval) failed to start").And.Contain("missing.jsonl: file not found"));
        Assert.That(result.Stdout, Does.Contain("teacher / offline: overall 1.000"));
        Assert.That(result.Stderr, Does.Contain("1 backend(s) failed: broken"));
    }

    [Test]
    public void A_report_that_cannot_be_written_fails_the_run_naming_it_and_keeps_predictions_and_metrics()
    {
        var output = Fixture.PathOf("reports/r4");
        // A folder where report.md should go: the markdown writer fails on every platform.
        Directory.CreateDirectory(Path.Combine(output, "report.md"));

        var result = CliRunner.Run("eval", "--config", Config(Teacher, "warmup: 0\nreports: [markdown, json]\nscenarios: [offline]"), "--out", output);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stdout + result.Stderr);
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1), result.Stderr);
        Assert.That(result.ErrorLines[0], Does.StartWith($"error: report 'markdown' could not be written to {output} ("));
        Assert.That(result.Stdout, Does.Contain("teacher / offline: overall 1.000"));
        foreach (var file in new[] { "teacher/offline/predictions.jsonl", "teacher/offline/metrics.json", "summary.json" })
            Assert.That(File.Exists(Path.Combine(output, file)), Is.True, file);
    }

    [Test]
    public void A_config_error_is_one_line_naming_the_file_line_and_field()
    {
        var result = CliRunner.Run("eval", "--config", Config(Teacher.Replace("cost:", "costs:")));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.ErrorLines[0], Does.Match(@"^error: .*eval\.yaml:8: backends\[0\]\.costs: unknown key"));
    }

    [Test]
    public void An_unknown_plugin_lists_the_valid_ones()
    {
        var result = CliRunner.Run("eval", "--config", Config(Teacher.Replace("plugin: Replay", "plugin: Onyx")));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.ErrorLines[0], Does.Contain("backends[0].plugin: unknown plugin 'Onyx'; valid: ").And.Contain("Replay, Retrieval"));
    }

    [Test]
    public void Resume_of_a_finished_run_makes_no_new_call()
    {
        var output = Fixture.PathOf("reports/r3");
        var config = Config(Teacher, "warmup: 0\nreports: []\nscenarios: [offline]");
        var first = CliRunner.Run("eval", "--config", config, "--out", output);
        var log = Path.Combine(output, "teacher", "offline", "predictions.jsonl");
        var lines = File.ReadAllLines(log);

        var resumed = CliRunner.Run("eval", "--config", config, "--out", output, "--resume");

        Assert.That(first.ExitCode, Is.EqualTo(0), first.Stderr);
        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Stderr);
        Assert.That(resumed.Stdout, Does.Contain("already done (resumed)"));
        Assert.That(File.ReadAllLines(log), Is.EqualTo(lines));
    }
}
