using Harness.Backends;

namespace Harness.Plugins.OpenAiCompatible;

/// <summary>
/// Creates backends that call an OpenAI-compatible <c>/chat/completions</c> endpoint:
/// the teacher LLM, or any served model (vLLM, llama.cpp's server, a hosted API).
/// </summary>
public sealed class OpenAiCompatibleFactory : IBackendFactory
{
    public string Name => "OpenAiCompatible";

    public string Description => "An API model behind an OpenAI-compatible chat-completions endpoint (a teacher, or a served student).";

    public IReadOnlyList<BackendOptionInfo> Options { get; } =
    [
        new("base_url", "The API root, e.g. http://127.0.0.1:8000/v1 (the plugin posts to <base_url>/chat/completions)."),
        new("model", "The model id sent in each request."),
        new("api_key_env", "Name of the environment variable holding the API key (none is sent when it is unset).", "OPENAI_API_KEY"),
        new("system_prompt", "The system message; empty for none.", ChatClient.DefaultSystemPrompt),
        new("temperature", "Sampling temperature.", "0"),
        new("max_tokens", "Most tokens to generate per call.", "256"),
        new("max_parallel", "Requests in flight at once when the harness sends a batch.", "4"),
        new("retries", "Retries of a call after HTTP 429 or 5xx, with exponential back-off.", "2"),
        new("check_connection", "Ask <base_url>/models once at start so a wrong URL fails the backend at once.", "true"),
    ];

    public async Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken)
    {
        var settings = ChatSettings.From(options);
        var client = new ChatClient(settings);
        if (options.GetBoolean("check_connection", true))
        {
            try
            {
                await client.CheckConnectionAsync(cancellationToken);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }
        context.Log($"OpenAiCompatible: {settings.Model} at {settings.BaseUrl}");
        return new OpenAiCompatibleBackend(Name, client, settings);
    }
}
