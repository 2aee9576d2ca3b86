namespace Harness.Backends;

/// <summary>
/// A student (or teacher) model that answers tool requests. Created by an
/// <see cref="IBackendFactory"/>; disposed by the harness when the run ends.
/// </summary>
public interface IBackend : IAsyncDisposable
{
    /// <summary>Name, model, model hash, device and whether it batches.</summary>
    BackendInfo Info { get; }

    /// <summary>
    /// Answers a batch of requests, one response per request in the same order.
    /// A failure of one request is returned as <see cref="ToolResponse.Error"/>.
    /// An exception fails every request of this batch: the harness records its
    /// message on each of those calls and the run goes on with the next batch.
    /// </summary>
    Task<IReadOnlyList<ToolResponse>> GenerateAsync(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken);
}
