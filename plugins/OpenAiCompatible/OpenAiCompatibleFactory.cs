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

    /// <summary>Thread-safe: the server answers calls in parallel; its own max_parallel option still limits the requests in flight.</summary>
    public int MaxConcurrency => IBackendFactory.UnlimitedConcurrency;

    public IReadOnlyList<BackendOptionInfo> Options => ChatSettings.Options;

    public async Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken)
    {
        var settings = ChatSettings.From(options);
        var client = new ChatClient(settings);
        if (settings.CheckConnection)
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
