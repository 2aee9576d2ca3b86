using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Backends;

namespace Harness.Plugins.OpenAiCompatible;

/// <summary>One chat-completions call at a time; retries 429 and 5xx with back-off.</summary>
internal sealed class ChatClient : IDisposable
{
    public const string DefaultSystemPrompt =
        "You set the parameters of one video-editing tool for the user's intent. " +
        "Answer with the tool's JSON object only, or null when the tool should not be used.";

    private readonly HttpClient _http;
    private readonly ChatSettings _settings;

    public ChatClient(ChatSettings settings, HttpMessageHandler? handler = null)
    {
        _settings = settings;
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = settings.BaseUrl;
        _http.Timeout = Timeout.InfiniteTimeSpan; // the harness's per-call timeout cancels instead
        if (!string.IsNullOrEmpty(settings.ApiKey))
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
    }

    /// <summary>Fails with a user message when the endpoint cannot be reached.</summary>
    public async Task CheckConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync("models", cancellationToken);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw new BackendException($"{_settings.BaseUrl}models answered {(int)response.StatusCode}: set the API key in the variable named by option 'api_key_env'.");
        }
        catch (HttpRequestException ex)
        {
            throw new BackendException($"cannot reach {_settings.BaseUrl} ({ex.Message}): check option 'base_url' and that the server is running, or set check_connection: false.", ex);
        }
    }

    public async Task<ToolResponse> CompleteAsync(string prompt, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await _http.PostAsJsonAsync("chat/completions", BuildRequest(prompt), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
                return ReadCompletion(body);
            var retryable = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
            if (!retryable || attempt >= _settings.Retries)
                return ToolResponse.Failed($"HTTP {(int)response.StatusCode}: {Shorten(body)}");
            await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt)), cancellationToken);
        }
    }

    private JsonObject BuildRequest(string prompt)
    {
        var messages = new JsonArray();
        if (_settings.SystemPrompt.Length > 0)
            messages.Add(new JsonObject { ["role"] = "system", ["content"] = _settings.SystemPrompt });
        messages.Add(new JsonObject { ["role"] = "user", ["content"] = prompt });
        return new JsonObject
        {
            ["model"] = _settings.Model,
            ["messages"] = messages,
            ["temperature"] = _settings.Temperature,
            ["max_tokens"] = _settings.MaxTokens,
        };
    }

    internal static ToolResponse ReadCompletion(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var text = root.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
            var input = 0;
            var output = 0;
            if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
            {
                input = usage.TryGetProperty("prompt_tokens", out var p) && p.TryGetInt32(out var pi) ? pi : 0;
                output = usage.TryGetProperty("completion_tokens", out var c) && c.TryGetInt32(out var ci) ? ci : 0;
            }
            return new ToolResponse(text ?? "", input, output);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or IndexOutOfRangeException or InvalidOperationException)
        {
            return ToolResponse.Failed($"not a chat-completions answer: {Shorten(body)}");
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";

    public void Dispose() => _http.Dispose();
}
