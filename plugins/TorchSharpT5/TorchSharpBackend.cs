using Harness.Backends;
using Harness.Plugins.Shared.T5;
using Harness.Plugins.TorchSharpT5.Model;
using Harness.Tokenizers;

namespace Harness.Plugins.TorchSharpT5;

/// <summary>One loaded FlanT5 checkpoint on LibTorch answering tool requests with greedy decoding, many sequences per batch.</summary>
internal sealed class TorchSharpBackend : IBackend
{
    private readonly TorchSharpSettings _settings;
    private readonly TorchT5 _model;
    // One generation at a time: LibTorch's intra-op threads already use the cores.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public TorchSharpBackend(TorchSharpSettings settings, HfCheckpoint checkpoint, TorchT5 model)
    {
        _settings = settings;
        Tokenizer = checkpoint.Tokenizer;
        _model = model;
        Info = new BackendInfo("TorchSharp", checkpoint.Name, checkpoint.WeightsSha256(), settings.Device, SupportsBatching: true);
    }

    public BackendInfo Info { get; }

    internal UnigramTokenizer Tokenizer { get; }

    public async Task<IReadOnlyList<ToolResponse>> GenerateAsync(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 0) return [];
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => T5Requests.Answer(Tokenizer, requests, _settings.BatchSize,
                batch => _model.Generate(batch, _settings.MaxNewTokens, cancellationToken)), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Generated ids for already tokenized inputs, decoded together (for tests).</summary>
    internal int[][] GenerateIds(IReadOnlyList<int[]> inputs, int maxNewTokens) => _model.Generate(inputs, maxNewTokens, CancellationToken.None);

    public ValueTask DisposeAsync()
    {
        _model.Dispose();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
