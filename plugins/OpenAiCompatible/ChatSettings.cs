using Harness.Backends;

namespace Harness.Plugins.OpenAiCompatible;

/// <summary>The checked options of one endpoint.</summary>
internal sealed record ChatSettings(
    Uri BaseUrl,
    string Model,
    string? ApiKey,
    string SystemPrompt,
    double Temperature,
    int MaxTokens,
    int MaxParallel,
    int Retries)
{
    public static ChatSettings From(BackendOptions options)
    {
        var url = options.GetRequiredString("base_url").TrimEnd('/');
        if (!Uri.TryCreate(url + "/", UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
            throw new BackendException($"{options.Source}: option 'base_url' must be an http(s) URL such as http://127.0.0.1:8000/v1, not '{url}'.");
        var keyVariable = options.GetString("api_key_env") ?? "OPENAI_API_KEY";
        return new ChatSettings(
            baseUrl,
            options.GetRequiredString("model"),
            Environment.GetEnvironmentVariable(keyVariable),
            options.GetString("system_prompt") ?? ChatClient.DefaultSystemPrompt,
            options.GetDouble("temperature", 0),
            options.GetInt32("max_tokens", 256, 1, 32_768),
            options.GetInt32("max_parallel", 4, 1, 256),
            options.GetInt32("retries", 2, 0, 10));
    }
}
