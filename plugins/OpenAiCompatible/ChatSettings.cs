using Harness.Backends;

namespace Harness.Plugins.OpenAiCompatible;

/// <summary>The checked options of one endpoint, each declared once.</summary>
internal sealed record ChatSettings(
    Uri BaseUrl,
    string Model,
    string? ApiKey,
    string SystemPrompt,
    double Temperature,
    int MaxTokens,
    int MaxParallel,
    int Retries,
    bool CheckConnection)
{
    private static readonly BackendOption<string> BaseUrlOption = BackendOption.Required("base_url",
        "The API root, e.g. http://127.0.0.1:8000/v1 (the plugin posts to <base_url>/chat/completions).");
    private static readonly BackendOption<string> ModelOption = BackendOption.Required("model", "The model id sent in each request.");
    private static readonly BackendOption<string> ApiKeyEnvOption = BackendOption.Text("api_key_env",
        "Name of the environment variable holding the API key (none is sent when it is unset).", "OPENAI_API_KEY");
    private static readonly BackendOption<string> SystemPromptOption = BackendOption.Text("system_prompt",
        "The system message; empty for none.", ChatClient.DefaultSystemPrompt);
    private static readonly BackendOption<double> TemperatureOption = BackendOption.Double("temperature", "Sampling temperature.", 0);
    private static readonly BackendOption<int> MaxTokensOption = BackendOption.Int32("max_tokens", "Most tokens to generate per call.", 256, 1, 32_768);
    private static readonly BackendOption<int> MaxParallelOption = BackendOption.Int32("max_parallel",
        "Requests in flight at once when the harness sends a batch.", 4, 1, 256);
    private static readonly BackendOption<int> RetriesOption = BackendOption.Int32("retries",
        "Retries of a call after HTTP 429 or 5xx, with exponential back-off.", 2, 0, 10);
    private static readonly BackendOption<bool> CheckConnectionOption = BackendOption.Boolean("check_connection",
        "Ask <base_url>/models once at start so a wrong URL fails the backend at once.", true);

    public static IReadOnlyList<BackendOptionInfo> Options { get; } =
    [
        BaseUrlOption.Info, ModelOption.Info, ApiKeyEnvOption.Info, SystemPromptOption.Info, TemperatureOption.Info,
        MaxTokensOption.Info, MaxParallelOption.Info, RetriesOption.Info, CheckConnectionOption.Info,
    ];

    public static ChatSettings From(BackendOptions options)
    {
        var url = BaseUrlOption.Read(options).TrimEnd('/');
        if (!Uri.TryCreate(url + "/", UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
            throw new BackendException($"{options.Source}: option 'base_url' must be an http(s) URL such as http://127.0.0.1:8000/v1, not '{url}'.");
        return new ChatSettings(
            baseUrl,
            ModelOption.Read(options),
            Environment.GetEnvironmentVariable(ApiKeyEnvOption.Read(options)),
            SystemPromptOption.Read(options),
            TemperatureOption.Read(options),
            MaxTokensOption.Read(options),
            MaxParallelOption.Read(options),
            RetriesOption.Read(options),
            CheckConnectionOption.Read(options));
    }
}
