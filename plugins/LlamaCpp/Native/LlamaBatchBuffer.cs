namespace Harness.Plugins.LlamaCpp.Native;

/// <summary>
/// A <c>llama_batch</c> allocated by <c>llama_batch_init</c> (one sequence id per token),
/// filled token by token and handed to <c>llama_decode</c> by value.
/// </summary>
internal sealed unsafe class LlamaBatchBuffer : IDisposable
{
    private readonly LlamaApi _api;
    private LlamaBatch _batch;
    private bool _disposed;

    public LlamaBatchBuffer(LlamaApi api, int capacity)
    {
        _api = api;
        Capacity = capacity;
        _batch = api.BatchInit(capacity, 0, 1);
    }

    public int Capacity { get; }

    public int Count => _batch.NTokens;

    public LlamaBatch Batch => _batch;

    public void Clear() => _batch.NTokens = 0;

    /// <summary>Adds one token and returns its index in the batch (the index logits are read at).</summary>
    public int Add(int token, int position, int sequence, bool wantLogits)
    {
        if (_batch.NTokens >= Capacity) throw new InvalidOperationException("The llama batch is full.");
        var i = _batch.NTokens++;
        _batch.Token[i] = token;
        _batch.Pos[i] = position;
        _batch.NSeqId[i] = 1;
        _batch.SeqId[i][0] = sequence;
        _batch.Logits[i] = wantLogits ? (sbyte)1 : (sbyte)0;
        return i;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _api.BatchFree(_batch);
    }
}
