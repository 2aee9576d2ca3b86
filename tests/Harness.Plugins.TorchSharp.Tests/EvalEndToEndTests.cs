using System.Globalization;
using System.Text.Json;
using Harness.Cli;

namespace Harness.Plugins.TorchSharp.Tests;

/// <summary>The plugin through the real command line and plugin host (its own load context, its own patched LibTorch copy).</summary>
public class EvalEndToEndTests : WorkFolder
{
    [Test]
    public async Task Harness_eval_runs_the_fixture_in_both_scenarios_and_agrees_with_HfT5_on_every_call()
    {
        string Backend(string label, string plugin) => $$"""
              - label: {{label}}
                plugin: {{plugin}}
                model_id: tiny
                options: { model: {{JsonSerializer.Serialize(Fixture.Folder)}}, max_new_tokens: 16, threads: 1 }
                batch_size: 8
            """;
        var config = Path.Combine(Work, "eval.yaml");
        File.WriteAllText(config, $"""
            dataset: {JsonSerializer.Serialize(Path.Combine(Fixture.RepoRoot, "datasets", "tonal-color", "test.jsonl"))}
            warmup: 2
            limit: 24
            reports: [markdown]
            backends:
            {Backend("fixture-hft5", "HfT5")}
            {Backend("fixture-torchsharp", "TorchSharp")}
            """);
        var output = Path.Combine(Work, "run");
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);

        var code = await HarnessApp.RunAsync(["eval", "--config", config, "--out", output], stdout, stderr);

        Assert.That(code, Is.EqualTo(0), stderr.ToString());
        foreach (var scenario in new[] { "single-stream", "offline" })
        {
            using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "fixture-torchsharp", scenario, "metrics.json")));
            var run = metrics.RootElement.GetProperty("run");
            Assert.That((run.GetProperty("backend").GetString(), run.GetProperty("model").GetString(), run.GetProperty("device").GetString()),
                Is.EqualTo(("TorchSharp", "flan-t5-tiny", "cpu")), scenario);
        }
        Assert.That(File.ReadAllLines(Path.Combine(output, "report.md")),
            Has.One.StartsWith("| tiny | fixture-torchsharp | fixture-hft5 | single-stream, offline | 72 | 100% | 100% |"));
    }
}
