using Harness.Backends;

namespace Harness.Plugins.OpenAiCompatible;

/// <summary>Sends each request of a batch as its own call, at most <c>max_parallel</c> at once.</summary>
internal sealed class OpenAiCompatibleBackend : IBackend
{
    private readonly ChatClient _client;
    private readonly SemaphoreSlim _gate;

    public OpenAiCompatibleBackend(string name, ChatClient client, ChatSettings settings)
    {
        _client = client;
        _gate = new SemaphoreSlim(settings.MaxParallel);
        Info = new BackendInfo(name, settings.Model, null, "remote", SupportsBatching: settings.MaxParallel > 1);
    }

    public BackendInfo Info { get; }

    public async Task<IReadOnlyList<ToolResponse>> GenerateAsync(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken)
    {
        var calls = requests.Select(async request =>
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                return await _client.CompleteAsync(request.Prompt, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                return ToolResponse.Failed($"request failed: {ex.Message}");
            }
            finally
            {
                _gate.Release();
            }
        });
        return await Task.WhenAll(calls);
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
