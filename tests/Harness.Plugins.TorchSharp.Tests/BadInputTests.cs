using System.Globalization;
using System.Text.Json;
using Harness.Backends;
using Harness.Cli;

namespace Harness.Plugins.TorchSharp.Tests;

/// <summary>What a user sees for a broken checkpoint or a wrong option: one line naming the file or option and what to do.</summary>
public class BadInputTests : WorkFolder
{
    [Test]
    public void A_truncated_checkpoint_is_named_as_truncated()
    {
        var weights = Path.Combine(Copy(Fixture.Folder, "config.json", "model.safetensors", "tokenizer.json"), "model.safetensors");
        var bytes = File.ReadAllBytes(weights);
        File.WriteAllBytes(weights, bytes[..(bytes.Length / 2)]);
        Assert.That(Fails(Path.GetDirectoryName(weights)!), Does.StartWith(weights + ": ").And.Contain("truncated"));
    }

    [Test]
    public void A_tokenizer_of_another_model_is_refused_with_both_sizes()
    {
        // The fixture's tokenizer (384 pieces) beside the shipped student's weights (954 rows).
        var folder = Copy(Fixture.Student, "config.json", "model.safetensors");
        var tokenizer = Path.Combine(folder, "tokenizer.json");
        File.Copy(Path.Combine(Fixture.Folder, "tokenizer.json"), tokenizer);
        Assert.That(Fails(folder), Does.StartWith(tokenizer + ": has 384 pieces but config.json's vocab_size is 1035").And.Contain("belongs to another model"));
    }

    [Test]
    public void Device_cuda_without_LibTorchs_CUDA_build_says_what_to_do()
    {
        Assert.That(Fails(Fixture.Folder, ("device", "cuda")),
            Does.Contain("option 'device' is cuda, but TorchSharp finds no CUDA device").And.Contain("-p:TorchSharpNative=cuda").And.Contain("set device: cpu"));
    }

    [Test]
    public async Task A_corrupt_checkpoint_as_the_only_backend_makes_harness_eval_exit_2_with_one_line()
    {
        var folder = Copy(Fixture.Folder, "config.json", "model.safetensors", "tokenizer.json");
        var weights = Path.Combine(folder, "model.safetensors");
        var bytes = File.ReadAllBytes(weights);
        bytes[8] = (byte)'#';
        File.WriteAllBytes(weights, bytes);
        var config = Path.Combine(Work, "eval.yaml");
        File.WriteAllText(config, $$"""
            dataset: {{JsonSerializer.Serialize(Path.Combine(Fixture.RepoRoot, "datasets", "tonal-color", "test.jsonl"))}}
            limit: 3
            backends:
              - label: broken
                plugin: TorchSharp
                options: { model: {{JsonSerializer.Serialize(folder)}} }
            """);
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);

        var code = await HarnessApp.RunAsync(["eval", "--config", config, "--out", Path.Combine(Work, "run")], stdout, stderr);

        Assert.That(code, Is.EqualTo(2), stderr.ToString());
        Assert.That(stderr.ToString(), Does.Contain("1 backend(s) failed: broken"));
        var reasons = stdout.ToString().Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToList();
        Assert.That(reasons, Is.EqualTo(new[] { $"error: backend 'broken' (TorchSharp) failed to start: {weights}: has a header that is not valid JSON "
            + "('#' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 0.); the file is damaged or not safetensors." }), stdout.ToString());
    }

    private string Copy(string from, params string[] names)
    {
        var folder = Path.Combine(Work, "checkpoint");
        Directory.CreateDirectory(folder);
        foreach (var name in names) File.Copy(Path.Combine(from, name), Path.Combine(folder, name));
        return folder;
    }

    private static string Fails(string folder, params (string, string)[] extra)
    {
        var e = Assert.ThrowsAsync<BackendException>(async () => await Fixture.CreateAsync(folder, extra));
        Assert.That(e!.Message, Does.Not.Contain('\n'));
        return e.Message;
    }
}
