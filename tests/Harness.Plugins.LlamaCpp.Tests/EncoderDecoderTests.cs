using Harness.Backends;
using Harness.Tools;

namespace Harness.Plugins.LlamaCpp.Tests;

/// <summary>
/// The T5 fixture (tests/fixtures/t5-tiny: encoder-decoder, relative position buckets,
/// gated GELU) against its PyTorch float64 reference: prompt tokens end with &lt;/s&gt;, the
/// prompt goes through llama_encode, decoding starts at the decoder start token.
/// Tolerance rule as in <see cref="ReferenceTests"/>: steps are compared exactly up to
/// the first step whose reference top-two margin is below 0.01.
/// </summary>
public class EncoderDecoderTests
{
    private const double ClearMargin = 1e-2;

    [TestCase(1)]
    [TestCase(6)]
    public async Task T5_greedy_tokens_match_the_reference(int sequences)
    {
        var reference = Fixture.LoadReference(Fixture.T5Directory);
        Fixture.RequireNativeLibrary();
        var options = Fixture.Options(("model", Path.Combine(Fixture.T5Directory, "t5-tiny.gguf")),
            ("batch_size", sequences.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("max_new_tokens", "12"));
        await using var backend = (LlamaCppBackend)await new LlamaCppBackendFactory().CreateAsync(options, Fixture.Context(), CancellationToken.None);
        var prompts = reference.Cases.Select(c => backend.Tokenize(new ToolRequest("ref", c.Prompt, ToolName.Adjust, c.Prompt))).ToArray();
        int compared = 0, total = 0;
        for (var i = 0; i < prompts.Length; i++) Assert.That(prompts[i], Is.EqualTo(reference.Cases[i].PromptIds), "prompt tokens");
        var outputs = backend.Decoder.Generate(prompts, CancellationToken.None);
        for (var i = 0; i < outputs.Length; i++)
        {
            var c = reference.Cases[i];
            var clear = c.Margins.TakeWhile(m => m >= ClearMargin).Count();
            compared += clear;
            total += c.OutputIds.Length;
            Assert.That(outputs[i].Take(clear), Is.EqualTo(c.OutputIds.Take(clear)), $"case {i}");
        }
        Assert.That(compared, Is.GreaterThan(total * 7 / 10), $"only {compared} of {total} steps had a clear margin");
    }
}
