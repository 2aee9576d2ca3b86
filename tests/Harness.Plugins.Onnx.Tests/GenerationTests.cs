using System.Text.Json;
using Harness.Backends;
using Harness.Tools;

namespace Harness.Plugins.Onnx.Tests;

public class GenerationTests
{
    private static readonly IReadOnlyList<JsonElement> Reference = Fixture.ReadJsonLines("reference-outputs.jsonl");
    private static readonly int MaxNewTokens = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixture.Folder, "reference-settings.json")))
        .RootElement.GetProperty("max_new_tokens").GetInt32();

    [SetUp]
    public void RequireNative() => Fixture.RequireNativeLibrary();

    [TestCase("split", "batch1")]
    [TestCase("split", "batched")]
    [TestCase("merged", "batch1")]
    [TestCase("merged", "batched")]
    public async Task Reproduces_the_reference_token_ids_of_the_PyTorch_model(string layout, string mode)
    {
        await using var backend = await Fixture.CreateAsync(Path.Combine(Fixture.Folder, layout));
        var onnx = (OnnxBackend)backend;
        var rows = Reference.Where(r => r.GetProperty("mode").GetString() == mode).ToList();
        Assert.That(rows, Has.Count.GreaterThanOrEqualTo(24));
        foreach (var group in rows.GroupBy(r => r.GetProperty("batch").GetInt32()))
        {
            var inputs = group.Select(r => onnx.Tokenizer.Encode(r.GetProperty("prompt").GetString()!)).ToList();
            Assert.That(inputs, Is.EqualTo(group.Select(r => Fixture.Ints(r.GetProperty("input_ids")))).AsCollection, "tokenizer");
            var outputs = onnx.GenerateIds(inputs, MaxNewTokens);
            Assert.That(outputs, Is.EqualTo(group.Select(r => Fixture.Ints(r.GetProperty("output_ids")))).AsCollection, $"batch {group.Key}");
        }
    }

    [TestCase("split")]
    [TestCase("merged")]
    public async Task Reproduces_the_reference_not_used_probability_of_the_PyTorch_model_in_one_batch(string layout)
    {
        await using var backend = await Fixture.CreateAsync(Path.Combine(Fixture.Folder, layout));
        var onnx = (OnnxBackend)backend;
        var rows = Fixture.ReadJsonLines("reference-not-used.jsonl");
        var answers = onnx.GenerateAnswers([.. rows.Select(r => onnx.Tokenizer.Encode(r.GetProperty("prompt").GetString()!))], 1);
        for (var i = 0; i < rows.Count; i++)
            Assert.That(answers[i].NotUsedProbability, Is.EqualTo(rows[i].GetProperty("not_used").GetDouble()).Within(0.01).Percent, $"prompt {i}");
    }

    [Test]
    public void Reference_includes_sequences_that_stop_at_eos_and_some_that_run_to_the_limit()
    {
        var stopped = Reference.Count(r => r.GetProperty("stopped_at_eos").GetBoolean());
        Assert.That(stopped, Is.InRange(1, Reference.Count - 1));
    }

    [Test]
    public async Task GenerateAsync_answers_each_request_in_order_with_token_counts()
    {
        await using var backend = await Fixture.CreateAsync(Fixture.Split, ("batch_size", "3"), ("max_new_tokens", "5"));
        var requests = new[] { "golden hour", "moody blue night", "neon city lights", "foggy mountain dawn", "icy arctic" }
            .Select((intent, i) => new ToolRequest($"test-{i:D5}", intent, ToolName.Adjust, $"tool: adjust\nintent: {intent}")).ToList();
        var responses = await backend.GenerateAsync(requests, CancellationToken.None);
        var single = await backend.GenerateAsync([requests[3]], CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(responses, Has.Count.EqualTo(5));
            Assert.That(responses.Select(r => r.Error), Is.All.Null);
            Assert.That(responses.Select(r => r.OutputTokens), Is.All.InRange(1, 5));
            Assert.That(responses[3].InputTokens, Is.EqualTo(((OnnxBackend)backend).Tokenizer.Encode(requests[3].Prompt).Length));
            Assert.That(single[0] with { NotUsedProbability = null }, Is.EqualTo(responses[3] with { NotUsedProbability = null }), "a request's answer does not depend on its batch");
            Assert.That(single[0].NotUsedProbability, Is.EqualTo(responses[3].NotUsedProbability).Within(1e-4).Percent, "nor its not-used probability");
            Assert.That(backend.Info.Name, Is.EqualTo("Onnx"));
            Assert.That(backend.Info.Model, Is.EqualTo("flan-t5-tiny/split"));
            Assert.That(backend.Info.Device, Is.EqualTo("cpu"));
            Assert.That(backend.Info.ModelSha256, Has.Length.EqualTo(64));
            Assert.That(backend.Info.SupportsBatching, Is.True);
        });
    }

    [Test]
    public async Task A_cancelled_call_stops_with_cancellation()
    {
        await using var backend = await Fixture.CreateAsync(Fixture.Split);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var request = new ToolRequest("test-00001", "golden hour", ToolName.Adjust, "tool: adjust\nintent: golden hour");
        Assert.That(async () => await backend.GenerateAsync([request], cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(await backend.GenerateAsync([], CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Split_and_merged_layouts_give_the_same_text()
    {
        await using var split = await Fixture.CreateAsync(Fixture.Split, ("max_new_tokens", "8"));
        await using var merged = await Fixture.CreateAsync(Fixture.Merged, ("max_new_tokens", "8"));
        var requests = new[] { new ToolRequest("test-00001", "golden hour", ToolName.Filter, "tool: filter\nintent: golden hour") };
        var a = await split.GenerateAsync(requests, CancellationToken.None);
        var b = await merged.GenerateAsync(requests, CancellationToken.None);
        Assert.That(b[0], Is.EqualTo(a[0]));
        Assert.That(split.Info.ModelSha256, Is.Not.EqualTo(merged.Info.ModelSha256));
    }
}
