using Harness.Backends;
using Harness.Tools;

namespace Harness.Plugins.OpenAiCompatible.Tests;

public class OpenAiCompatibleBackendTests
{
    private static readonly BackendContext Context = new(".", ".", _ => { });

    private static BackendOptions Options(string baseUrl, params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string> { ["base_url"] = baseUrl, ["model"] = "teacher-model", ["retries"] = "2" };
        foreach (var (key, value) in extra) values[key] = value;
        return new BackendOptions(values, "eval.yaml: backends[0]");
    }

    private static ToolRequest Request(string intent, ToolName tool) =>
        new("test-00001", intent, tool, $"tool: {tool.WireName()}\nintent: {intent}");

    [Test]
    public async Task Each_request_becomes_one_chat_call_with_the_prompt_and_the_answer_keeps_token_counts()
    {
        using var server = new FakeChatServer();
        await using var backend = await new OpenAiCompatibleFactory().CreateAsync(Options(server.BaseUrl), Context, CancellationToken.None);

        var responses = await backend.GenerateAsync(
            [Request("golden hour", ToolName.Adjust), Request("golden hour", ToolName.Filter)], CancellationToken.None);

        Assert.That(responses, Has.Count.EqualTo(2));
        Assert.That(responses[0].Text, Is.EqualTo("echo tool: adjust\nintent: golden hour"));
        Assert.That(responses[1].Text, Is.EqualTo("echo tool: filter\nintent: golden hour"));
        Assert.That(responses[0].InputTokens, Is.EqualTo(7));
        Assert.That(responses[0].OutputTokens, Is.EqualTo(3));
        Assert.That(server.Requests, Has.Count.EqualTo(2));
        var first = server.Requests.First().RootElement;
        Assert.That(first.GetProperty("model").GetString(), Is.EqualTo("teacher-model"));
        Assert.That(first.GetProperty("temperature").GetDouble(), Is.Zero);
        Assert.That(first.GetProperty("messages")[0].GetProperty("role").GetString(), Is.EqualTo("system"));
        Assert.That(backend.Info.Device, Is.EqualTo("remote"));
        Assert.That(backend.Info.ModelSha256, Is.Null);
    }

    [Test]
    public async Task A_server_error_is_retried_and_then_succeeds()
    {
        using var server = new FakeChatServer();
        server.Respond = (n, _) => n < 2 ? (503, "busy") : (200, FakeChatServer.Completion("null", 1, 1));
        await using var backend = await new OpenAiCompatibleFactory().CreateAsync(Options(server.BaseUrl), Context, CancellationToken.None);

        var responses = await backend.GenerateAsync([Request("x", ToolName.Adjust)], CancellationToken.None);

        Assert.That(responses[0].Error, Is.Null);
        Assert.That(responses[0].Text, Is.EqualTo("null"));
        Assert.That(server.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_client_error_fails_only_that_call_with_the_status_and_body()
    {
        using var server = new FakeChatServer();
        server.Respond = (_, prompt) => prompt.Contains("bad", StringComparison.Ordinal)
            ? (400, "{\"error\":\"context length exceeded\"}")
            : (200, FakeChatServer.Completion("{}", 1, 1));
        await using var backend = await new OpenAiCompatibleFactory().CreateAsync(Options(server.BaseUrl), Context, CancellationToken.None);

        var responses = await backend.GenerateAsync([Request("bad", ToolName.Adjust), Request("good", ToolName.Adjust)], CancellationToken.None);

        Assert.That(responses[0].Text, Is.Null);
        Assert.That(responses[0].Error, Does.StartWith("HTTP 400").And.Contain("context length exceeded"));
        Assert.That(responses[1].Error, Is.Null);
        Assert.That(server.Requests, Has.Count.EqualTo(2), "a 400 is not retried");
    }

    [Test]
    public void An_answer_that_is_not_a_chat_completion_is_a_call_error()
    {
        var response = ChatClient.ReadCompletion("{\"unexpected\":true}");

        Assert.That(response.Error, Does.StartWith("not a chat-completions answer"));
    }

    [Test]
    public void An_unreachable_server_fails_the_backend_at_start_naming_the_url()
    {
        var url = $"http://127.0.0.1:{FakeChatServer.FreePort()}/v1";

        var ex = Assert.ThrowsAsync<BackendException>(() => new OpenAiCompatibleFactory().CreateAsync(Options(url), Context, CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain(url).And.Contain("base_url"));
    }

    [TestCase("not a url")]
    [TestCase("ftp://example.invalid/v1")]
    public void A_base_url_that_is_not_http_names_the_option(string url)
    {
        var ex = Assert.ThrowsAsync<BackendException>(() => new OpenAiCompatibleFactory().CreateAsync(Options(url), Context, CancellationToken.None));

        Assert.That(ex!.Message, Does.StartWith("eval.yaml: backends[0]: option 'base_url'"));
    }

    [Test]
    public void A_missing_model_names_the_option()
    {
        var options = new BackendOptions(new Dictionary<string, string> { ["base_url"] = "http://127.0.0.1:1/v1" }, "eval.yaml: backends[0]");

        var ex = Assert.ThrowsAsync<BackendException>(() => new OpenAiCompatibleFactory().CreateAsync(options, Context, CancellationToken.None));

        Assert.That(ex!.Message, Is.EqualTo("eval.yaml: backends[0]: option 'model' is required."));
    }
}
