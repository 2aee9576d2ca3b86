using System.Globalization;
using System.Security.Cryptography;
using Harness.Backends;
using Harness.Plugins.TorchSharpT5;
using Harness.Tools;

namespace Harness.Plugins.TorchSharp.Tests;

/// <summary>Greedy generation on LibTorch against PyTorch's own outputs for the same weights.</summary>
public class GenerationTests
{
    [TestCase("batch1")]
    [TestCase("batched")]
    public async Task Reproduces_the_reference_token_ids_of_the_PyTorch_model(string mode)
    {
        await using var backend = await Fixture.CreateAsync(Fixture.Folder);
        var torch = (TorchSharpBackend)backend;
        var rows = Fixture.References.Where(r => r.GetProperty("mode").GetString() == mode).ToList();
        Assert.That(rows, Has.Count.GreaterThanOrEqualTo(24));
        // Each reference batch decoded together: the batched ones padded to their longest prompt, as PyTorch ran them.
        foreach (var group in rows.GroupBy(r => r.GetProperty("batch").GetInt32()))
        {
            var inputs = group.Select(r => torch.Tokenizer.Encode(r.GetProperty("prompt").GetString()!)).ToList();
            Assert.That(inputs, Is.EqualTo(group.Select(r => Fixture.Ints(r.GetProperty("input_ids")))).AsCollection, "tokenizer");
            var outputs = torch.GenerateIds(inputs, Fixture.ReferenceMaxNewTokens);
            Assert.That(outputs, Is.EqualTo(group.Select(r => Fixture.Ints(r.GetProperty("output_ids")))).AsCollection, $"{mode} batch {group.Key}");
        }
    }

    [Test]
    public async Task A_batch_of_prompts_of_different_lengths_gives_each_the_ids_it_gets_alone()
    {
        await using var backend = await Fixture.CreateAsync(Fixture.Student);
        var torch = (TorchSharpBackend)backend;
        var inputs = Student.Requests(8).Select(r => torch.Tokenizer.Encode(r.Prompt)).ToList();
        Assert.That(inputs.Select(i => i.Length).Distinct().Count(), Is.GreaterThan(3), "the prompts need padding");

        var together = torch.GenerateIds(inputs, 64);

        Assert.That(together, Is.EqualTo(inputs.Select(i => torch.GenerateIds([i], 64)[0])).AsCollection);
    }

    [Test]
    public async Task GenerateAsync_answers_each_request_with_its_text_and_token_counts_in_order()
    {
        await using var backend = await Fixture.CreateAsync(Fixture.Folder, ("batch_size", "2"),
            ("max_new_tokens", Fixture.ReferenceMaxNewTokens.ToString(CultureInfo.InvariantCulture)));
        var torch = (TorchSharpBackend)backend;
        var rows = Fixture.References.Where(r => r.GetProperty("mode").GetString() == "batch1").Take(5).ToList();
        var requests = rows.Select((r, i) => new ToolRequest($"test-{i:D5}", "intent", ToolName.Adjust, r.GetProperty("prompt").GetString()!)).ToList();

        var responses = await backend.GenerateAsync(requests, CancellationToken.None);

        Assert.That(responses.Select(r => r.NotUsedProbability), Is.All.InRange(0.0, 1.0));
        Assert.That(responses.Select(r => r with { NotUsedProbability = null }), Is.EqualTo(rows.Select(r => new ToolResponse(torch.Tokenizer.Decode(Fixture.Ints(r.GetProperty("output_ids"))),
            Fixture.Ints(r.GetProperty("input_ids")).Length, Fixture.Ints(r.GetProperty("output_ids")).Length))).AsCollection);
    }

    [Test]
    public async Task Reproduces_the_reference_not_used_probability_of_the_PyTorch_model_in_one_batch()
    {
        await using var backend = await Fixture.CreateAsync(Fixture.Folder);
        var torch = (TorchSharpBackend)backend;
        var rows = Fixture.ReadJsonLines("reference-not-used.jsonl");
        var answers = torch.GenerateAnswers([.. rows.Select(r => torch.Tokenizer.Encode(r.GetProperty("prompt").GetString()!))], 1);
        for (var i = 0; i < rows.Count; i++)
            Assert.That(answers[i].NotUsedProbability, Is.EqualTo(rows[i].GetProperty("not_used").GetDouble()).Within(0.01).Percent, $"prompt {i}");
    }

    [Test]
    public async Task Generation_stops_at_max_new_tokens()
    {
        await using var backend = await Fixture.CreateAsync(Fixture.Folder);
        var row = Fixture.References.First(r => !r.GetProperty("stopped_at_eos").GetBoolean());
        var output = ((TorchSharpBackend)backend).GenerateIds([Fixture.Ints(row.GetProperty("input_ids"))], 3)[0];
        Assert.That(output, Is.EqualTo(Fixture.Ints(row.GetProperty("output_ids")).Take(3)));
    }

    [Test]
    public async Task Info_names_the_plugin_the_folder_the_weights_digest_and_batching()
    {
        await using var backend = await Fixture.CreateAsync(Fixture.Folder);
        using var stream = File.OpenRead(Path.Combine(Fixture.Folder, "model.safetensors"));
        var digest = Convert.ToHexStringLower(SHA256.HashData(stream));
        Assert.That(backend.Info, Is.EqualTo(new BackendInfo("TorchSharp", "flan-t5-tiny", digest, "cpu", SupportsBatching: true)));
    }
}
