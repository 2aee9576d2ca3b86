using Harness.Backends;
using Harness.Tools;

namespace Harness.Plugins.LlamaCpp.Tests;

/// <summary>What a new user gets wrong, each answered by one clear BackendException line.</summary>
public class BadInputTests
{
    private string _temp = "";

    [SetUp]
    public void CreateTempFolder() => _temp = Directory.CreateTempSubdirectory("llama-bad-").FullName;

    [TearDown]
    public void DeleteTempFolder() => Directory.Delete(_temp, recursive: true);

    [Test]
    public void A_missing_model_file_is_named_with_what_to_give()
    {
        var e = CreateFails(("model", "no-such-model.gguf"));
        Assert.That(e.Message, Does.Contain("no-such-model.gguf").And.Contain("does not exist").And.Contain("option 'model'"));
    }

    [Test]
    public void A_file_that_is_not_gguf_is_refused_before_llama_cpp_reads_it()
    {
        var path = Path.Combine(_temp, "model.gguf");
        File.WriteAllText(path, "{\"this\": \"is json, not a model\"}");
        var e = CreateFails(("model", path));
        Assert.That(e.Message, Does.Contain(path).And.Contain("is not a GGUF file"));
    }

    [Test]
    public void A_truncated_gguf_is_reported_as_truncated_or_damaged()
    {
        var path = Path.Combine(_temp, "truncated.gguf");
        var bytes = File.ReadAllBytes(Fixture.ModelPath);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = CreateFails(("model", path));
        Assert.That(e.Message, Does.Contain(path).And.Contain("truncated, damaged"));
    }

    [Test]
    public void A_gguf_of_another_architecture_is_named_with_what_llama_cpp_missed()
    {
        // The fixture with its general.architecture value ("llama") renamed to "bloom": llama.cpp
        // then looks for bloom.* hyperparameters the file does not have.
        var path = Path.Combine(_temp, "bloom.gguf");
        var bytes = File.ReadAllBytes(Fixture.ModelPath);
        var key = System.Text.Encoding.ASCII.GetBytes("general.architecture");
        var at = bytes.AsSpan().IndexOf(key) + key.Length + 4 + 8; // value: u32 type, u64 length, then the text
        Assert.That(System.Text.Encoding.ASCII.GetString(bytes, at, 5), Is.EqualTo("llama"));
        System.Text.Encoding.ASCII.GetBytes("bloom").CopyTo(bytes, at);
        File.WriteAllBytes(path, bytes);
        var e = CreateFails(("model", path));
        Assert.That(e.Message, Does.Contain(path).And.Contain("bloom.").And.Contain("unsupported architecture"));
    }

    [Test]
    public void A_context_too_small_for_any_prompt_fails_at_start_naming_context_size()
    {
        var e = CreateFails(("context_size", "8"));
        Assert.That(e.Message, Does.Contain("option 'context_size' (8) is too small for the prompt").And.Contain("set context_size to at least"));
    }

    [Test]
    public async Task A_prompt_longer_than_the_context_names_the_request_and_the_size_needed()
    {
        Fixture.RequireNativeLibrary();
        await using var backend = await new LlamaCppBackendFactory().CreateAsync(
            Fixture.Options(("context_size", "40")), Fixture.Context(), CancellationToken.None);
        var intent = string.Join(' ', Enumerable.Repeat("golden hour", 20));
        var request = new ToolRequest("test-00001", intent, ToolName.Filter, $"tool: filter\nintent: {intent}");
        var e = Assert.ThrowsAsync<BackendException>(() => backend.GenerateAsync([request], CancellationToken.None));
        Assert.That(e!.Message, Does.Contain("option 'context_size' (40) is too small for request test-00001").And.Contain("set context_size to at least"));
    }

    [Test]
    public void Device_cuda_on_the_cpu_build_names_the_backend_package_to_build_with()
    {
        var e = CreateFails(("device", "cuda"));
        Assert.That(e.Message, Does.Contain("option 'device' is cuda").And.Contain("LLamaSharp.Backend.Cpu").And.Contain("-p:LlamaSharpBackend=LLamaSharp.Backend.Cuda12"));
    }

    [Test]
    public void Constrain_json_with_too_few_new_tokens_for_the_longest_answer_fails_at_start()
    {
        var e = CreateFails(("constrain", "json"), ("max_new_tokens", "64"));
        Assert.That(e.Message, Does.Contain("option 'max_new_tokens' (64) is too small for constrain: json").And.Contain("set max_new_tokens to at least"));
    }

    [Test]
    public void An_unknown_constrain_choice_lists_the_valid_ones()
    {
        var e = CreateFails(("constrain", "regex"));
        Assert.That(e.Message, Does.Contain("constrain").And.Contain("none, json"));
    }

    [Test]
    public void An_unknown_chat_template_choice_lists_the_valid_ones()
    {
        var e = CreateFails(("chat_template", "chatml"));
        Assert.That(e.Message, Does.Contain("chat_template").And.Contain("auto, llama2, gguf, none"));
    }

    private static BackendException CreateFails(params (string, string)[] options)
    {
        Fixture.RequireNativeLibrary();
        var e = Assert.ThrowsAsync<BackendException>(() =>
            new LlamaCppBackendFactory().CreateAsync(Fixture.Options(options), Fixture.Context(), CancellationToken.None));
        Assert.That(e!.Message, Does.Not.Contain("\n"), "one line");
        return e;
    }
}
