using System.Globalization;
using System.Text.Json;
using Harness.Cli;

namespace Harness.Plugins.TorchSharp.Tests;

/// <summary>The plugin through the real command line and plugin host (its own load context, its own patched LibTorch copy).</summary>
public class EvalEndToEndTests
{
    private string _work = "";

    [SetUp]
    public void MakeWorkFolder() => _work = Directory.CreateTempSubdirectory("torchsharp-eval-").FullName;

    [TearDown]
    public void RemoveWorkFolder() => Directory.Delete(_work, recursive: true);

    [Test]
    public async Task Harness_eval_runs_the_fixture_checkpoint_in_both_scenarios()
    {
        var config = Path.Combine(_work, "eval.yaml");
        File.WriteAllText(config, $$"""
            dataset: {{JsonSerializer.Serialize(Path.Combine(Fixture.RepoRoot, "datasets", "tonal-color", "test.jsonl"))}}
            scenarios: [single-stream, offline]
            warmup: 2
            limit: 24
            reports: [markdown]
            backends:
              - label: fixture
                plugin: TorchSharp
                options: { model: {{JsonSerializer.Serialize(Fixture.Folder)}}, max_new_tokens: 16, threads: 1 }
                batch_size: 8
                cost: { usd_per_hour: 0.1 }
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
            Assert.Multiple(() =>
            {
                Assert.That(run.GetProperty("backend").GetString(), Is.EqualTo("TorchSharp"));
                Assert.That(run.GetProperty("model").GetString(), Is.EqualTo("flan-t5-tiny"));
                Assert.That(run.GetProperty("device").GetString(), Is.EqualTo("cpu"));
                Assert.That(metrics.RootElement.GetProperty("throughput").GetProperty("output_tokens_per_s").GetDouble(), Is.GreaterThan(0));
            });
        }
    }
}
