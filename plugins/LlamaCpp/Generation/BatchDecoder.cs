using System.Diagnostics;
using Harness.Backends;
using Harness.Plugins.LlamaCpp.Native;

namespace Harness.Plugins.LlamaCpp.Generation;

/// <summary>
/// Greedy decoding of many prompts as separate sequences of one llama context:
/// each step puts one token per running sequence (or a whole prompt for a sequence
/// that just started) into a single <c>llama_batch</c>, asks logits only for each
/// sequence's last token, and a finished sequence's cache is removed so the next
/// request can take its place.
/// </summary>
internal sealed unsafe partial class BatchDecoder : IDisposable
{
    private readonly LlamaModel _model;
    private readonly LlamaApi _api;
    private readonly LlamaContextHandle _context;
    private readonly LlamaBatchBuffer _batch;
    private readonly int _vocabSize;
    private readonly int _maxNewTokens;

    public BatchDecoder(LlamaModel model, LlamaSettings settings)
    {
        _model = model;
        _api = model.Library.Api;
        _maxNewTokens = settings.MaxNewTokens;
        Sequences = settings.BatchSize;
        var most = (int)_api.MaxParallelSequences();
        if (Sequences > most)
            throw new BackendException($"{settings.Source}: option 'batch_size' ({Sequences}) is more sequences than llama.cpp runs at once ({most}); lower it.");
        var p = _api.ContextDefaultParams();
        p.NSeqMax = (uint)Sequences;
        p.NCtx = (uint)(settings.ContextSize * Sequences);
        p.NBatch = (uint)Math.Max(settings.ContextSize, 512);
        // The encoder takes a whole batch in one ubatch (llama.cpp asserts it).
        p.NUbatch = model.HasEncoder ? p.NBatch : Math.Min(512u, p.NBatch);
        // T5's position bias is built for one KV stream; split per-sequence streams trip a ggml shape assert.
        if (model.HasEncoder) p.KvUnified = 1;
        p.NThreads = settings.Threads;
        p.NThreadsBatch = settings.Threads;
        p.TypeK = p.TypeV = settings.KvF32 ? LlamaContextParams.GgmlTypeF32 : LlamaContextParams.GgmlTypeF16;
        LlamaLog.TakeLastErrors();
        var context = _api.InitFromModel(model.Handle.DangerousGetHandle(), p);
        if (context == 0)
            throw new BackendException(
                $"{settings.Source}: llama.cpp could not create a context of {p.NCtx} tokens ({settings.BatchSize} sequences x context_size {settings.ContextSize}): {LlamaLog.TakeLastErrors()}; lower context_size or batch_size.");
        _context = new LlamaContextHandle(_api, context);
        _batch = new LlamaBatchBuffer(_api, (int)p.NBatch);
        _vocabSize = _api.VocabNTokens(_api.ModelGetVocab(model.Handle.DangerousGetHandle()));
        ContextPerSequence = Math.Min(settings.ContextSize, (int)_api.NCtxSeq(context));
    }

    /// <summary>How many sequences run together.</summary>
    public int Sequences { get; }

    /// <summary>Tokens one sequence may hold (prompt + output).</summary>
    public int ContextPerSequence { get; }

    /// <summary>Time spent inside <c>llama_decode</c> since creation (for the overhead benchmark).</summary>
    public TimeSpan DecodeTime { get; private set; }

    /// <summary>Generated tokens per prompt, same order; an end-of-generation token, when reached, is the last one.</summary>
    public int[][] Generate(IReadOnlyList<int[]> prompts, CancellationToken cancellationToken)
    {
        if (_model.HasEncoder) return GenerateEncoderDecoder(prompts, cancellationToken);
        var outputs = prompts.Select(_ => new List<int>()).ToArray();
        var slots = new Slot?[Sequences];
        var next = 0;
        var memory = _api.GetMemory(_context.DangerousGetHandle());
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _batch.Clear();
                for (var s = 0; s < slots.Length; s++)
                {
                    if (slots[s] is null && next < prompts.Count) slots[s] = new Slot(next++);
                    if (slots[s] is not { } slot) continue;
                    if (slot.Position == 0)
                    {
                        var prompt = prompts[slot.Request];
                        if (_batch.Count + prompt.Length > _batch.Capacity) { slot.LogitIndex = -1; continue; }
                        for (var i = 0; i < prompt.Length; i++)
                            slot.LogitIndex = _batch.Add(prompt[i], i, s, i == prompt.Length - 1);
                        slot.Position = prompt.Length;
                    }
                    else
                    {
                        slot.LogitIndex = _batch.Add(slot.Last, slot.Position++, s, true);
                    }
                }
                if (_batch.Count == 0) break;
                Decode();
                for (var s = 0; s < slots.Length; s++)
                {
                    if (slots[s] is not { LogitIndex: >= 0 } slot) continue;
                    var token = ArgMax(_api.GetLogitsIth(_context.DangerousGetHandle(), slot.LogitIndex));
                    var output = outputs[slot.Request];
                    output.Add(token);
                    slot.Last = token;
                    if (IsDone(slot, output))
                    {
                        _api.MemorySeqRm(memory, s, -1, -1);
                        slots[s] = null;
                    }
                }
            }
        }
        finally
        {
            _api.MemoryClear(memory, 1);
        }
        return [.. outputs.Select(o => o.ToArray())];
    }

    private bool IsDone(Slot slot, List<int> output) =>
        _model.IsEndOfGeneration(slot.Last) || output.Count >= _maxNewTokens || slot.Position >= ContextPerSequence;

    private void Decode()
    {
        var start = Stopwatch.GetTimestamp();
        var rc = _api.Decode(_context.DangerousGetHandle(), _batch.Batch);
        DecodeTime += Stopwatch.GetElapsedTime(start);
        if (rc != 0)
            throw new BackendException($"llama_decode failed with code {rc} ({LlamaLog.TakeLastErrors()}); lower batch_size or raise context_size.");
    }

    private int ArgMax(float* logits)
    {
        var best = 0;
        var max = logits[0];
        for (var i = 1; i < _vocabSize; i++)
        {
            if (logits[i] > max) { max = logits[i]; best = i; }
        }
        return best;
    }

    public void Dispose()
    {
        _batch.Dispose();
        _context.Dispose();
    }

    private sealed class Slot(int request)
    {
        public int Request { get; } = request;
        public int Position { get; set; }
        public int Last { get; set; }
        public int LogitIndex { get; set; } = -1;
    }
}
