using System.Text.Json;
using Harness.Backends;
using Harness.Tools;

namespace Harness.Plugins.LlamaCpp.Tests;

/// <summary>
/// Calibrated selection in llama.cpp's decode, on the shipped Llama student (models/llama-student)
/// and validation prompts where it really hesitates: at or above the threshold the answer is null;
/// below it the not-used answer's first tokens are masked out of the first step's logits.
/// </summary>
public class CalibratedDecodingTests
{
    [Test]
    public async Task Masking_the_not_used_answer_turns_greedy_nulls_into_settings_and_threshold_zero_answers_null()
    {
        Fixture.RequireNativeLibrary();
        var model = RepositoryRoot.PathOf("models", "llama-student", "llama-student.gguf");
        var options = Fixture.Options(("model", model), ("chat_template", "llama2"), ("context_size", "256"), ("batch_size", "8"), ("max_new_tokens", "64"));
        await using var backend = (LlamaCppBackend)await new LlamaCppBackendFactory().CreateAsync(options, Fixture.Context(), CancellationToken.None);
        var intents = File.ReadLines(RepositoryRoot.PathOf("datasets", "tonal-color", "validation.jsonl")).Take(48)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("intent").GetString()!).ToList();
        var prompts = intents.Select(i => backend.Tokenize(new ToolRequest("v", i, ToolName.SelectiveAdjust, $"tool: selective_adjust\nintent: {i}"))).ToArray();

        var plain = backend.Decoder.Generate(prompts, null, null, CancellationToken.None);
        var masked = backend.Decoder.Generate(prompts, null, [.. prompts.Select(_ => (double?)1)], CancellationToken.None);
        var nulls = backend.Decoder.Generate(prompts, null, [.. prompts.Select(_ => (double?)0)], CancellationToken.None);

        var notUsedFirst = backend.Model.NotUsedFirstTokens;
        var changed = Enumerable.Range(0, prompts.Length).Where(i => notUsedFirst.Contains(plain[i].Tokens[0])).ToList();
        Assert.That(changed, Is.Not.Empty, "some validation prompts begin with the not-used answer under plain greedy");
        Assert.That(masked.Select(d => notUsedFirst.Contains(d.Tokens[0])), Has.All.False, "threshold 1: every answer begins with a setting's token");
        Assert.That(masked.Select(d => d.NotUsedProbability), Is.EqualTo(plain.Select(d => d.NotUsedProbability)).Within(1e-4), "the probability is the model's own");
        Assert.That(nulls.Select(d => backend.Model.Detokenize(d.Tokens).Trim()), Has.All.EqualTo("null"));
        foreach (var i in Enumerable.Range(0, prompts.Length).Except(changed))
            // The first token only: the batches differ (nulls finish early), and later near-ties may part in float32.
            Assert.That(masked[i].Tokens[0], Is.EqualTo(plain[i].Tokens[0]), $"prompt {i}: greedy already chose a setting");
    }
}
