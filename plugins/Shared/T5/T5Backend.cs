using Harness.Backends;
using Harness.Tokenizers;

namespace Harness.Plugins.Shared.T5;

/// <summary>
/// The backend of a T5 engine that generates ids for a batch of tokenized prompts (Onnx, HfT5, TorchSharp):
/// one generation at a time, since the engine already uses the configured threads (and timings stay
/// honest), and requests answered through <see cref="T5Requests"/>.
/// </summary>
internal abstract class T5Backend(BackendInfo info, T5Tokenizer tokenizer, int batchSize, SelectionThresholds? thresholds) : IBackend
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public BackendInfo Info { get; } = info;

    internal T5Tokenizer Tokenizer { get; } = tokenizer;

    /// <summary>The tokens whose first-step probability is each answer's not-used probability.</summary>
    internal NotUsedAnswer NotUsed { get; } = NotUsedAnswer.Of(tokenizer);

    public async Task<IReadOnlyList<ToolResponse>> GenerateAsync(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 0) return [];
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => T5Requests.Answer(Tokenizer, requests, batchSize, thresholds,
                    (batch, perPrompt) => Generate(batch, perPrompt is null ? null : new CalibratedStart(NotUsed, perPrompt), cancellationToken)),
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The answers to at most batch-size tokenized prompts (each ending with &lt;/s&gt;): ids without the
    /// final &lt;/s&gt;, and the not-used probability; <paramref name="calibrated"/> decides the first step
    /// when the backend was given <c>selection_thresholds</c> (<see cref="GreedyDecoding"/>).
    /// </summary>
    protected abstract Generated[] Generate(int[][] batch, CalibratedStart? calibrated, CancellationToken cancellationToken);

    public virtual ValueTask DisposeAsync()
    {
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
