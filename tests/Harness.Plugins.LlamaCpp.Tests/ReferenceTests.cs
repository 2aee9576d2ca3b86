using Harness.Backends;
using Harness.Tools;

namespace Harness.Plugins.LlamaCpp.Tests;

/// <summary>
/// The backend's greedy tokens against the fixture's PyTorch (float64) reference.
/// Tolerance rule: llama.cpp computes in float32, so a step is compared exactly only
/// while every reference step so far had a top-two logit margin of at least
/// <see cref="ClearMargin"/>; from the first step below it, either of two near-equal
/// tokens is a correct greedy choice and the sequences may part, so the rest is not
/// compared. Most steps must stay comparable, or the test fails as uninformative.
/// </summary>
public class ReferenceTests
{
    private const double ClearMargin = 1e-2;

    [Test]
    public async Task Prompt_tokens_match_the_sentencepiece_tokenizer_of_the_fixture()
    {
        var reference = Fixture.LoadReference();
        await using var backend = await CreateAsync(1);
        foreach (var c in reference.Cases)
            Assert.That(backend.Tokenize(Request(c)), Is.EqualTo(c.PromptIds), c.Prompt);
    }

    [Test]
    public async Task Greedy_tokens_match_the_reference_one_request_at_a_time()
    {
        var reference = Fixture.LoadReference();
        await using var backend = await CreateAsync(1);
        var outputs = reference.Cases.Select(c => backend.Decoder.Generate([backend.Tokenize(Request(c))], CancellationToken.None)[0]).ToArray();
        AssertMatches(reference, outputs);
    }

    [Test]
    public async Task Greedy_tokens_match_the_reference_with_many_sequences_in_one_batch()
    {
        var reference = Fixture.LoadReference();
        await using var backend = await CreateAsync(8);
        var prompts = reference.Cases.Select(c => backend.Tokenize(Request(c))).ToArray();
        var outputs = backend.Decoder.Generate(prompts, CancellationToken.None);
        AssertMatches(reference, outputs);
    }

    [Test]
    public async Task Batched_and_single_requests_give_the_same_responses_in_request_order()
    {
        var reference = Fixture.LoadReference();
        var requests = reference.Cases.Take(12).Select(Request).ToArray();
        await using var single = await CreateAsync(1);
        await using var batched = await CreateAsync(5);
        var one = new List<ToolResponse>();
        foreach (var r in requests) one.AddRange(await single.GenerateAsync([r], CancellationToken.None));
        var many = await batched.GenerateAsync(requests, CancellationToken.None);
        Assert.That(many, Has.Count.EqualTo(requests.Length));
        for (var i = 0; i < requests.Length; i++)
        {
            var c = reference.Cases[i];
            Assert.That(many[i].InputTokens, Is.EqualTo(c.PromptIds.Length));
            Assert.That(many[i].OutputTokens, Is.InRange(1, reference.MaxNewTokens));
            Assert.That(many[i].Error, Is.Null);
            Assert.That(many[i].NotUsedProbability, Is.InRange(0.0, 1.0).And.EqualTo(one[i].NotUsedProbability).Within(1e-3), c.Prompt);
            if (c.Margins.All(m => m >= ClearMargin)) Assert.That(many[i] with { NotUsedProbability = null }, Is.EqualTo(one[i] with { NotUsedProbability = null }), c.Prompt);
        }
    }

    private static void AssertMatches(Reference reference, int[][] outputs)
    {
        int compared = 0, total = 0;
        for (var i = 0; i < reference.Cases.Count; i++)
        {
            var c = reference.Cases[i];
            var clear = c.Margins.TakeWhile(m => m >= ClearMargin).Count();
            total += c.OutputIds.Length;
            compared += clear;
            Assert.That(outputs[i].Take(clear), Is.EqualTo(c.OutputIds.Take(clear)), $"case {i} ({c.Prompt.Replace('\n', ' ')})");
            if (clear == c.OutputIds.Length) Assert.That(outputs[i], Has.Length.EqualTo(c.OutputIds.Length), $"case {i} length");
        }
        Assert.That(compared, Is.GreaterThan(total * 8 / 10), $"only {compared} of {total} reference steps had a clear margin");
    }

    private static ToolRequest Request(ReferenceCase c) => new("ref", c.Prompt, ToolName.Adjust, c.Prompt);

    private static async Task<LlamaCppBackend> CreateAsync(int sequences)
    {
        Fixture.RequireNativeLibrary();
        var options = Fixture.Options(("batch_size", sequences.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("max_new_tokens", "16"));
        return (LlamaCppBackend)await new LlamaCppBackendFactory().CreateAsync(options, Fixture.Context(), CancellationToken.None);
    }
}
