using System.Diagnostics;

namespace Harness.Plugins.LlamaCpp.Tests;

/// <summary>
/// <c>harness eval</c> in its own process, loading the built plugin from bin/plugins/LlamaCpp
/// through the real plugin host: the fixture over the first test-split rows in both
/// scenarios, and a bad config that must exit 2 with the plugin's message.
/// </summary>
public class EndToEndTests
{
    private readonly List<string> _work = [];

    [TearDown]
    public void DeleteRunFolders()
    {
        foreach (var dir in _work) Directory.Delete(dir, recursive: true);
        _work.Clear();
    }

    [Test]
    public void Harness_eval_runs_the_fixture_in_both_scenarios_and_writes_metrics()
    {
        var (code, output, folder) = Eval("context_size: 256, batch_size: 4, max_new_tokens: 8");
        Assert.That(code, Is.Zero, output);
        foreach (var scenario in new[] { "single-stream", "offline" })
        {
            var run = Path.Combine(folder, "llama", scenario);
            Assert.That(File.Exists(Path.Combine(run, "metrics.json")), output);
            Assert.That(File.ReadLines(Path.Combine(run, "predictions.jsonl")).Count(), Is.EqualTo(4 * 3), scenario);
        }
        Assert.That(File.ReadAllText(Path.Combine(folder, "report.md")), Does.Contain("llama-tiny.gguf"));
    }

    [Test]
    public void Harness_eval_exits_2_with_the_plugin_message_when_the_context_is_too_small()
    {
        var (code, output, _) = Eval("context_size: 8");
        Assert.That(code, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("option 'context_size' (8) is too small for the prompt"));
    }

    private (int Code, string Output, string Folder) Eval(string options)
    {
        Fixture.RequireNativeLibrary();
        var root = RepositoryRoot.Path;
        var configuration = TestContext.CurrentContext.TestDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var harness = Path.Combine(root, "src", "Harness.Cli", "bin", configuration, "net10.0", "harness.dll");
        if (!File.Exists(harness)) Assert.Fail($"{harness} is missing: build the solution (dotnet build Harness.sln).");
        var work = Directory.CreateTempSubdirectory("llama-e2e-").FullName;
        _work.Add(work);
        var config = Path.Combine(work, "eval.yaml");
        File.WriteAllText(config, string.Join('\n',
            $"dataset: {Path.Combine(root, "datasets", "tonal-color", "test.jsonl")}",
            "scenarios: [single-stream, offline]", "warmup: 1", "limit: 4", "backends:",
            "  - label: llama", "    plugin: LlamaCpp",
            $"    options: {{ model: {Fixture.ModelPath}, threads: 1, {options} }}",
            "    batch_size: 6", ""));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        foreach (var a in new[] { harness, "eval", "--config", config, "--out", Path.Combine(work, "run") }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr, Path.Combine(work, "run"));
    }
}
