using Harness.Backends;
using Harness.Plugins.HfT5.Model;
using Harness.Plugins.Shared.T5;
using Harness.Tokenizers;

namespace Harness.Plugins.HfT5;

/// <summary>One loaded FlanT5 checkpoint answering tool requests with greedy decoding, one request after another.</summary>
internal sealed class HfT5Backend : IBackend
{
    private readonly HfT5Settings _settings;
    private readonly T5Model _model;
    // One generation at a time: the matrix products already use the configured threads.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public HfT5Backend(HfT5Settings settings, HfCheckpoint checkpoint, T5Model model)
    {
        _settings = settings;
        Tokenizer = checkpoint.Tokenizer;
        _model = model;
        Info = new BackendInfo("HfT5", checkpoint.Name, checkpoint.WeightsSha256(), "cpu", SupportsBatching: false);
    }

    public BackendInfo Info { get; }

    internal UnigramTokenizer Tokenizer { get; }

    public async Task<IReadOnlyList<ToolResponse>> GenerateAsync(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 0) return [];
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => Generate(requests, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    // Each sequence alone (no padding), so the batch size is 1.
    private ToolResponse[] Generate(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken) =>
        T5Requests.Answer(Tokenizer, requests, 1, batch => [_model.Generate(batch[0], _settings.MaxNewTokens, cancellationToken)]);

    /// <summary>Generated ids for already tokenized inputs (for tests).</summary>
    internal int[][] GenerateIds(IReadOnlyList<int[]> inputs, int maxNewTokens) =>
        [.. inputs.Select(ids => _model.Generate(ids, maxNewTokens, CancellationToken.None))];

    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
