using Harness.Backends;
using Harness.Tools;

namespace Harness.Plugins.LlamaCpp.Tests;

/// <summary>The chat template choices and a cancelled batch.</summary>
public class TemplateAndCancelTests
{
    private static readonly ToolRequest Request =
        new("test-00001", "golden hour", ToolName.Adjust, "tool: adjust\nintent: golden hour");

    [Test]
    public async Task The_gguf_template_of_the_fixture_gives_the_same_tokens_as_the_built_in_llama2_form()
    {
        await using var builtIn = await CreateAsync(("chat_template", "llama2"));
        await using var fromFile = await CreateAsync(("chat_template", "gguf"));
        var expected = builtIn.Tokenize(Request);
        Assert.That(expected[0], Is.EqualTo(builtIn.Model.Bos));
        Assert.That(fromFile.Tokenize(Request), Is.EqualTo(expected));
    }

    [Test]
    public async Task A_system_prompt_goes_inside_the_first_inst_block()
    {
        await using var plain = await CreateAsync();
        await using var withSystem = await CreateAsync(("system_prompt", "You edit videos."));
        var a = plain.Tokenize(Request);
        var b = withSystem.Tokenize(Request);
        Assert.That(b, Has.Length.GreaterThan(a.Length));
        Assert.That(withSystem.Model.Detokenize(b), Does.Contain("<<SYS>>\nYou edit videos.\n<</SYS>>\n\ntool: adjust"));
    }

    [Test]
    public async Task A_cancelled_batch_stops_and_the_backend_answers_the_next_batch_from_a_clean_cache()
    {
        await using var backend = await CreateAsync(("batch_size", "4"));
        var requests = Enumerable.Repeat(Request, 400).ToArray();
        var before = await backend.GenerateAsync(requests[..1], CancellationToken.None);
        // 400 requests take far longer than 5 ms, so the cancellation lands between decode steps.
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(5));
        Assert.That(() => backend.GenerateAsync(requests, cancel.Token), Throws.InstanceOf<OperationCanceledException>());
        var after = await backend.GenerateAsync(requests[..1], CancellationToken.None);
        Assert.That(after, Is.EqualTo(before));
    }

    private static async Task<LlamaCppBackend> CreateAsync(params (string, string)[] options)
    {
        Fixture.RequireNativeLibrary();
        return (LlamaCppBackend)await new LlamaCppBackendFactory().CreateAsync(Fixture.Options(options), Fixture.Context(), CancellationToken.None);
    }
}
