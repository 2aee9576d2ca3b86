using System.Text.Json;
using Harness.Backends;
using Harness.Tools;

namespace Harness.Plugins.HfT5.Tests;

public class GenerationTests
{
    private static readonly IReadOnlyList<JsonElement> Reference = Fixture.ReadJsonLines("reference-outputs.jsonl");

    [TestCase("batch1", "1")]
    [TestCase("batched", "1")]
    [TestCase("batch1", "2")]
    [TestCase("batched", "2")]
    public async Task Reproduces_the_reference_token_ids_of_the_PyTorch_model(string mode, string threads)
    {
        await using var backend = await Fixture.CreateAsync(Fixture.Folder, ("threads", threads));
        var hf = (HfT5Backend)backend;
        var rows = Reference.Where(r => r.GetProperty("mode").GetString() == mode).ToList();
        Assert.That(rows, Has.Count.GreaterThanOrEqualTo(24));
        foreach (var group in rows.GroupBy(r => r.GetProperty("batch").GetInt32()))
        {
            var inputs = group.Select(r => hf.Tokenizer.Encode(r.GetProperty("prompt").GetString()!)).ToList();
            Assert.That(inputs, Is.EqualTo(group.Select(r => Fixture.Ints(r.GetProperty("input_ids")))).AsCollection, "tokenizer");
            var outputs = hf.GenerateIds(inputs, Fixture.ReferenceMaxNewTokens);
            Assert.That(outputs, Is.EqualTo(group.Select(r => Fixture.Ints(r.GetProperty("output_ids")))).AsCollection, $"{mode} batch {group.Key}");
        }
    }

    [Test]
    public async Task GenerateAsync_answers_the_reference_prompts_of_a_batch_with_their_text_and_token_counts()
    {
        await using var backend = await Fixture.CreateAsync(Fixture.Folder, ("max_new_tokens", Fixture.ReferenceMaxNewTokens.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var hf = (HfT5Backend)backend;
        var rows = Reference.Where(r => r.GetProperty("mode").GetString() == "batched" && r.GetProperty("batch").GetInt32() == 0).ToList();
        var requests = rows.Select((r, i) => new ToolRequest($"test-{i:D5}", "intent", ToolName.Adjust, r.GetProperty("prompt").GetString()!)).ToList();
        var responses = await backend.GenerateAsync(requests, CancellationToken.None);
        Assert.That(responses, Has.Count.EqualTo(rows.Count));
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = Fixture.Ints(rows[i].GetProperty("output_ids"));
            Assert.That(responses[i] with { NotUsedProbability = null }, Is.EqualTo(new ToolResponse(hf.Tokenizer.Decode(expected),
                Fixture.Ints(rows[i].GetProperty("input_ids")).Length, expected.Length)), $"request {i}");
            Assert.That(responses[i].NotUsedProbability, Is.InRange(0.0, 1.0), $"request {i}");
        }
    }

    [Test]
    public async Task Reproduces_the_reference_not_used_probability_of_the_PyTorch_model()
    {
        await using var backend = await Fixture.CreateAsync(Fixture.Folder);
        var hf = (HfT5Backend)backend;
        var rows = Fixture.ReadJsonLines("reference-not-used.jsonl");
        Assert.That(hf.NotUsed.FirstTokens, Is.EquivalentTo(Fixture.Ints(rows[0].GetProperty("not_used_tokens"))));
        var answers = hf.GenerateAnswers([.. rows.Select(r => hf.Tokenizer.Encode(r.GetProperty("prompt").GetString()!))], 1);
        for (var i = 0; i < rows.Count; i++)
            Assert.That(answers[i].NotUsedProbability, Is.EqualTo(rows[i].GetProperty("not_used").GetDouble()).Within(0.01).Percent, $"prompt {i}");
    }

    [Test]
    public async Task Generation_stops_at_max_new_tokens()
    {
        await using var backend = await Fixture.CreateAsync(Fixture.Folder, ("max_new_tokens", "3"));
        var row = Reference.First(r => !r.GetProperty("stopped_at_eos").GetBoolean());
        var output = ((HfT5Backend)backend).GenerateIds([Fixture.Ints(row.GetProperty("input_ids"))], 3)[0];
        Assert.That(output, Is.EqualTo(Fixture.Ints(row.GetProperty("output_ids")).Take(3)));
    }

    [Test]
    public async Task Info_names_the_plugin_the_folder_and_the_weights_digest()
    {
        await using var backend = await Fixture.CreateAsync(Fixture.Folder);
        using var stream = File.OpenRead(Path.Combine(Fixture.Folder, "model.safetensors"));
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
        Assert.That(backend.Info, Is.EqualTo(new BackendInfo("HfT5", "flan-t5-tiny", digest, "cpu", SupportsBatching: false)));
    }

    [Test]
    public async Task A_tied_checkpoint_uses_the_embedding_as_its_head()
    {
        var work = Directory.CreateTempSubdirectory("hft5-tied-").FullName;
        try
        {
            // Untied, with lm_head set to the embedding; and tied without lm_head: same greedy ids
            // (the tied head's d_model^-0.5 scale does not move the argmax).
            var untied = Fixture.CopyCheckpoint(Path.Combine(work, "untied"));
            var checkpoint = Checkpoint.Read(Path.Combine(untied, "model.safetensors"));
            checkpoint.Tensors["lm_head.weight"] = checkpoint.Tensors["shared.weight"];
            checkpoint.Write(Path.Combine(untied, "model.safetensors"));
            var tied = Fixture.CopyCheckpoint(Path.Combine(work, "tied"));
            checkpoint.Tensors.Remove("lm_head.weight");
            checkpoint.Write(Path.Combine(tied, "model.safetensors"));
            var config = File.ReadAllText(Path.Combine(tied, "config.json"));
            File.WriteAllText(Path.Combine(tied, "config.json"), config.Replace("\"tie_word_embeddings\": false", "\"tie_word_embeddings\": true"));

            var inputs = Reference.Take(6).Select(r => Fixture.Ints(r.GetProperty("input_ids"))).ToList();
            await using var a = await Fixture.CreateAsync(untied);
            await using var b = await Fixture.CreateAsync(tied);
            var original = await Fixture.CreateAsync(Fixture.Folder);
            await using var _ = original;
            var expected = ((HfT5Backend)a).GenerateIds(inputs, 8);
            Assert.That(((HfT5Backend)b).GenerateIds(inputs, 8), Is.EqualTo(expected));
            Assert.That(((HfT5Backend)original).GenerateIds(inputs, 8), Is.Not.EqualTo(expected), "the variant head changes the output");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
