using System.Collections.Concurrent;
using Harness.Backends;
using Harness.Datasets;
using Harness.Parsing;

namespace Harness.Core.Tests.Running.Support;

/// <summary>
/// An in-test backend: answers with the teacher's output unless <see cref="Answer"/> says
/// otherwise, counts every call it is asked to make, and can run a hook per batch.
/// </summary>
internal sealed class FakeBackendFactory(string name, Dataset dataset) : IBackendFactory
{
    public string Name => name;

    public string Description => "in-test backend";

    public IReadOnlyList<BackendOptionInfo> Options => [new("model", "ignored by the fake", "")];

    public bool Batches { get; init; } = true;

    /// <summary>What the fake declares as <see cref="IBackendFactory.MaxConcurrency"/>.</summary>
    public int MaxConcurrency { get; init; } = 1;

    /// <summary>Overrides the answer for a request; null means "answer like the teacher".</summary>
    public Func<ToolRequest, Task<ToolResponse?>>? Answer { get; init; }

    /// <summary>How long each batch takes, whatever its size.</summary>
    public TimeSpan BatchDelay { get; init; }

    /// <summary>Runs after each batch has been answered (e.g. to cancel the run).</summary>
    public Action<FakeBackendFactory>? AfterBatch { get; init; }

    /// <summary>Thrown from <see cref="CreateAsync"/> when set (a backend that fails to start).</summary>
    public Exception? StartFailure { get; init; }

    public string ModelSha256 { get; set; } = "0123456789abcdef";

    /// <summary>Every (intent id, tool) asked, in order; a call made twice appears twice.</summary>
    public ConcurrentQueue<(string Id, Tools.ToolName Tool)> Calls { get; } = new();

    public ConcurrentQueue<int> BatchSizes { get; } = new();

    public Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken)
    {
        if (StartFailure is not null) throw StartFailure;
        return Task.FromResult<IBackend>(new FakeBackend(this));
    }

    public string TeacherText(string id, Tools.ToolName tool) =>
        dataset.Rows.Single(r => r.Id == id).TeacherFor(tool) is { } setting ? ToolSettingJson.ToJson(setting) : "null";

    private sealed class FakeBackend(FakeBackendFactory factory) : IBackend
    {
        public BackendInfo Info => new(factory.Name, "fake-model", factory.ModelSha256, "cpu", factory.Batches);

        public async Task<IReadOnlyList<ToolResponse>> GenerateAsync(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken)
        {
            factory.BatchSizes.Enqueue(requests.Count);
            if (factory.BatchDelay > TimeSpan.Zero) await Task.Delay(factory.BatchDelay, cancellationToken);
            var responses = new List<ToolResponse>();
            foreach (var request in requests)
            {
                factory.Calls.Enqueue((request.IntentId, request.Tool));
                var answer = factory.Answer is null ? null : await factory.Answer(request);
                responses.Add(answer ?? new ToolResponse(factory.TeacherText(request.IntentId, request.Tool), request.Prompt.Length, 7));
            }
            factory.AfterBatch?.Invoke(factory);
            return responses;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
