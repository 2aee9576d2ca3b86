using System.Globalization;
using System.Text.Json;
using Harness.Cli;

namespace Harness.Plugins.Onnx.Tests;

/// <summary>The fixture student through the real command line and plugin host, as a user runs it.</summary>
public class EvalEndToEndTests
{
    private string _work = "";

    [SetUp]
    public void MakeWorkFolder()
    {
        Fixture.RequireNativeLibrary();
        _work = Path.Combine(Path.GetTempPath(), "onnx-eval-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_work);
    }

    [TearDown]
    public void RemoveWorkFolder() => Directory.Delete(_work, recursive: true);

    [Test]
    public async Task Harness_eval_runs_the_fixture_in_both_scenarios_and_reports_its_parse_failures()
    {
        var config = Write("eval.yaml", $"""
            dataset: {Quote(Path.Combine(Fixture.RepoRoot, "datasets", "tonal-color", "test.jsonl"))}
            scenarios: [single-stream, offline]
            warmup: 2
            limit: 24
            reports: [markdown]
            backends:
              - label: fixture
                plugin: Onnx
                options: {"{"} model: {Quote(Fixture.Split)}, max_new_tokens: 16 {"}"}
                batch_size: 8
                cost: {"{"} usd_per_hour: 0.1 {"}"}
            """);
        var output = Path.Combine(_work, "run");
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);

        var code = await HarnessApp.RunAsync(["eval", "--config", config, "--out", output], stdout, stderr);

        Assert.That(code, Is.EqualTo(0), stderr.ToString());
        foreach (var scenario in new[] { "single-stream", "offline" })
        {
            using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "fixture", scenario, "metrics.json")));
            var run = metrics.RootElement.GetProperty("run");
            var parse = metrics.RootElement.GetProperty("parse");
            Assert.Multiple(() =>
            {
                Assert.That(run.GetProperty("backend").GetString(), Is.EqualTo("Onnx"));
                Assert.That(run.GetProperty("model").GetString(), Is.EqualTo("flan-t5-tiny/split"));
                Assert.That(run.GetProperty("device").GetString(), Is.EqualTo("cpu"));
                // Random weights write word salad: nearly every call is an explained parse failure.
                Assert.That(parse.GetProperty("by_kind").GetProperty("invalid_json").GetInt32(), Is.GreaterThan(24 * 3 / 2));
                Assert.That(metrics.RootElement.GetProperty("throughput").GetProperty("output_tokens_per_s").GetDouble(), Is.GreaterThan(0));
            });
        }
        Assert.That(File.ReadAllText(Path.Combine(output, "report.md")), Does.Contain("Parse failures").And.Contain("invalid\\_json"), "report.md escapes Markdown's underscore");
    }

    [Test]
    public async Task Harness_eval_with_a_missing_model_folder_exits_2_with_the_plugin_s_message()
    {
        var config = Write("eval.yaml", $"""
            dataset: {Quote(Path.Combine(Fixture.RepoRoot, "datasets", "tonal-color", "test.jsonl"))}
            limit: 5
            reports: []
            backends:
              - label: fixture
                plugin: Onnx
                options: {"{"} model: no-such-model {"}"}
            """);
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);

        var code = await HarnessApp.RunAsync(["eval", "--config", config, "--out", Path.Combine(_work, "run")], stdout, stderr);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr.ToString() + stdout, Does.Contain("option 'model': model folder " + Path.Combine(_work, "no-such-model") + " does not exist"));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Quote(string path) => JsonSerializer.Serialize(path);
}
