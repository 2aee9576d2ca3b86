using System.Diagnostics;
using Harness.Backends;
using Harness.Plugins.Shared;
using Harness.Plugins.LlamaCpp.Grammar;
using Harness.Plugins.LlamaCpp.Runtime;
using Harness.Tools;
using LLama.Exceptions;
using LLama.Native;

namespace Harness.Plugins.LlamaCpp.Generation;

/// <summary>
/// Greedy decoding of many prompts as separate sequences of one llama context, through
/// LLamaSharp's <see cref="LLamaBatch"/>: each step puts one token per running sequence (or a
/// whole prompt for a sequence that just started) into a single batch, asks logits only for
/// each sequence's last token, and a finished sequence's cache is removed so the next request
/// can take its place. A token is the argmax of the logits, or, for a request given a tool to
/// constrain to, greedy within that tool's grammar (<see cref="GrammarSamplers"/>). At each
/// sequence's first generated position the model's own logits (before any grammar) also give the
/// answer's not-used probability (<see cref="LlamaModel.NotUsedFirstTokens"/>). Given a calibrated
/// threshold (<see cref="SelectionThresholds"/>), that step decides instead: at or above it the answer
/// is <c>null</c>; below it the not-used answer's first tokens are masked out of the logits (before any
/// grammar) and decoding goes on.
/// </summary>
internal sealed partial class BatchDecoder : IDisposable
{
    private readonly LlamaModel _model;
    private readonly SafeLLamaContextHandle _context;
    private readonly LLamaBatch _batch = new();
    private readonly GrammarSamplers _grammars;
    private readonly int _batchCapacity;
    private readonly int _maxNewTokens;

    public BatchDecoder(LlamaModel model, LlamaSettings settings)
    {
        _model = model;
        _maxNewTokens = settings.MaxNewTokens;
        Sequences = settings.BatchSize;
        var most = (int)NativeApi.llama_max_parallel_sequences();
        if (Sequences > most)
            throw new BackendException($"{settings.Source}: option 'batch_size' ({Sequences}) is more sequences than llama.cpp runs at once ({most}); lower it.");
        var p = LLamaContextParams.Default();
        p.n_seq_max = (uint)Sequences;
        p.n_ctx = (uint)(settings.ContextSize * Sequences);
        p.n_batch = (uint)Math.Max(settings.ContextSize, 512);
        // The encoder takes a whole batch in one ubatch (llama.cpp asserts it).
        p.n_ubatch = model.HasEncoder ? p.n_batch : Math.Min(512u, p.n_batch);
        // T5's position bias is built for one KV stream; split per-sequence streams trip a ggml shape assert.
        if (model.HasEncoder) p.kv_unified = true;
        p.n_threads = settings.Threads;
        p.n_threads_batch = settings.Threads;
        p.type_k = p.type_v = settings.KvF32 ? GGMLType.GGML_TYPE_F32 : GGMLType.GGML_TYPE_F16;
        LlamaLog.TakeLastErrors();
        try
        {
            _context = SafeLLamaContextHandle.Create(model.Handle, p);
        }
        catch (RuntimeError)
        {
            throw new BackendException(
                $"{settings.Source}: llama.cpp could not create a context of {p.n_ctx} tokens ({settings.BatchSize} sequences x context_size {settings.ContextSize}): {LlamaLog.TakeLastErrors()}; lower context_size or batch_size.");
        }
        _batchCapacity = (int)p.n_batch;
        _grammars = new GrammarSamplers(model.Handle);
        var perSequence = p.kv_unified ? _context.ContextSize : _context.ContextSize / _context.MaxSeq;
        ContextPerSequence = Math.Min(settings.ContextSize, (int)perSequence);
    }

    /// <summary>How many sequences run together.</summary>
    public int Sequences { get; }

    /// <summary>Tokens one sequence may hold (prompt + output).</summary>
    public int ContextPerSequence { get; }

    /// <summary>Time spent inside <c>llama_decode</c> / <c>llama_encode</c> since creation (for the overhead benchmark).</summary>
    public TimeSpan DecodeTime { get; private set; }

    /// <summary>Free greedy tokens per prompt, same order; an end-of-generation token, when reached, is the last one.</summary>
    public int[][] Generate(IReadOnlyList<int[]> prompts, CancellationToken cancellationToken) =>
        [.. Generate(prompts, null, null, cancellationToken).Select(d => d.Tokens)];

    /// <summary>
    /// The answer to each prompt, same order: its greedy tokens as <see cref="Generate(IReadOnlyList{int[]}, CancellationToken)"/>
    /// gives them, or with <paramref name="constrainTo"/> prompt i held to that tool's grammar, or with
    /// <paramref name="thresholds"/> its first step decided by prompt i's calibrated threshold; and its not-used probability.
    /// </summary>
    public Decoded[] Generate(IReadOnlyList<int[]> prompts, IReadOnlyList<ToolName>? constrainTo, IReadOnlyList<double?>? thresholds, CancellationToken cancellationToken)
    {
        var slots = prompts.Select((p, i) => new Slot(i, constrainTo?[i]) { Threshold = thresholds?[i] }).ToArray();
        try
        {
            if (_model.HasEncoder) GenerateEncoderDecoder(prompts, slots, cancellationToken);
            else GenerateDecoderOnly(prompts, slots, cancellationToken);
        }
        finally
        {
            foreach (var slot in slots) ReleaseSampler(slot);
            _context.MemoryClear(true);
        }
        return [.. slots.Select(s => new Decoded([.. s.Output], s.NotUsed))];
    }

    private void GenerateDecoderOnly(IReadOnlyList<int[]> prompts, Slot[] requests, CancellationToken cancellationToken)
    {
        var running = new Slot?[Sequences];
        var next = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _batch.Clear();
            for (var s = 0; s < running.Length; s++)
            {
                if (running[s] is null && next < prompts.Count) running[s] = Start(requests[next++]);
                if (running[s] is not { } slot) continue;
                if (slot.Position == 0)
                {
                    var prompt = prompts[slot.Request];
                    if (_batch.TokenCount + prompt.Length > _batchCapacity) { slot.LogitIndex = -1; continue; }
                    for (var i = 0; i < prompt.Length; i++)
                        slot.LogitIndex = _batch.Add(prompt[i], i, (LLamaSeqId)s, i == prompt.Length - 1);
                    slot.Position = prompt.Length;
                }
                else
                {
                    slot.LogitIndex = _batch.Add(slot.Last, slot.Position++, (LLamaSeqId)s, true);
                }
            }
            if (_batch.TokenCount == 0) break;
            Run(encode: false);
            for (var s = 0; s < running.Length; s++)
            {
                if (running[s] is not { LogitIndex: >= 0 } slot) continue;
                if (!Step(slot)) continue;
                _context.MemorySequenceRemove((LLamaSeqId)s, -1, -1);
                running[s] = null;
            }
        }
    }

    private Slot Start(Slot slot)
    {
        if (slot.Tool is { } tool) slot.Sampler = _grammars.Rent(tool);
        return slot;
    }

    /// <summary>Picks the slot's next token from its logits; true when the slot is done (its sampler then goes back).</summary>
    private bool Step(Slot slot)
    {
        if (slot.Output.Count == 0)
        {
            var logits = _context.GetLogitsIth(slot.LogitIndex);
            slot.NotUsed = FirstStepMass.Of(logits, _model.NotUsedFirstTokens);
            if (slot.Threshold is { } threshold)
            {
                if (slot.NotUsed >= threshold)
                {
                    slot.Output.AddRange(_model.NotUsedAnswer);
                    ReleaseSampler(slot);
                    return true;
                }
                foreach (var id in _model.NotUsedFirstTokens) logits[id] = float.NegativeInfinity;
            }
        }
        slot.Last = slot.Sampler is { } sampler ? (int)sampler.Sample(_context, slot.LogitIndex) : ArgMax(_context.GetLogitsIth(slot.LogitIndex));
        slot.Output.Add(slot.Last);
        var done = _model.IsEndOfGeneration(slot.Last) || slot.Output.Count >= _maxNewTokens || slot.Position >= ContextPerSequence;
        if (done) ReleaseSampler(slot);
        return done;
    }

    private void ReleaseSampler(Slot slot)
    {
        if (slot is { Sampler: { } sampler, Tool: { } tool }) _grammars.Return(tool, sampler);
        slot.Sampler = null;
    }

    private void Run(bool encode)
    {
        var start = Stopwatch.GetTimestamp();
        var rc = encode ? _context.Encode(_batch) : _context.Decode(_batch);
        DecodeTime += Stopwatch.GetElapsedTime(start);
        if (rc != DecodeResult.Ok)
            throw new BackendException($"llama_{(encode ? "encode" : "decode")} failed with {rc} ({LlamaLog.TakeLastErrors()}); lower batch_size or raise context_size.");
    }

    private static int ArgMax(ReadOnlySpan<float> logits)
    {
        var best = 0;
        var max = logits[0];
        for (var i = 1; i < logits.Length; i++)
        {
            if (logits[i] > max) { max = logits[i]; best = i; }
        }
        return best;
    }

    public void Dispose()
    {
        _grammars.Dispose();
        _context.Dispose();
    }

    private sealed class Slot(int request, ToolName? tool)
    {
        public int Request { get; } = request;
        public ToolName? Tool { get; } = tool;
        public List<int> Output { get; } = [];
        public SafeLLamaSamplerChainHandle? Sampler { get; set; }
        public int Position { get; set; }
        public int Last { get; set; }
        public int LogitIndex { get; set; } = -1;
        public double? NotUsed { get; set; }
        public double? Threshold { get; init; }
    }
}

/// <summary>One answer: its tokens (an end-of-generation token, when reached, last) and its not-used probability.</summary>
internal sealed record Decoded(int[] Tokens, double? NotUsedProbability);
