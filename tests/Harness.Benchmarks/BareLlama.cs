using System.Text;
using LLama.Native;

namespace Harness.Benchmarks;

/// <summary>
/// The least a caller of LLamaSharp's lowest layer writes to decode many Llama-2 chat prompts
/// greedily, the baseline of the LlamaCpp plugin: a <see cref="SafeLLamaContextHandle"/> with one
/// sequence per running prompt, one <see cref="LLamaBatch"/> per step (a new prompt whole, one token
/// per running sequence), <c>Decode</c>, the argmax of each sequence's logits, and a finished
/// sequence's cache removed so the next prompt takes its place. The prompt is the plugin's
/// <c>[INST] prompt [/INST]</c> with BOS and special tokens parsed; the context as the plugin's (f16 KV cache).
/// </summary>
internal sealed class BareLlama : IDisposable
{
    private readonly SafeLlamaModelHandle _model;
    private readonly SafeLLamaContextHandle _context;
    private readonly LLamaBatch _batch = new();
    private readonly int _sequences, _contextPerSequence, _maxNewTokens, _batchCapacity;

    public BareLlama(string path, int threads, int sequences, int contextSize, int maxNewTokens)
    {
        if (!NativeLibraryConfig.LLama.LibraryHasLoaded) NativeLibraryConfig.All.WithSearchDirectory(AppContext.BaseDirectory);
        _model = SafeLlamaModelHandle.LoadFromFile(path, LLamaModelParams.Default());
        var p = LLamaContextParams.Default();
        p.n_seq_max = (uint)sequences;
        p.n_ctx = (uint)(contextSize * sequences);
        p.n_batch = (uint)Math.Max(contextSize, 512);
        p.n_ubatch = Math.Min(512u, p.n_batch);
        p.n_threads = p.n_threads_batch = threads;
        p.type_k = p.type_v = GGMLType.GGML_TYPE_F16;
        _context = SafeLLamaContextHandle.Create(_model, p);
        (_sequences, _contextPerSequence, _maxNewTokens, _batchCapacity) = (sequences, contextSize, maxNewTokens, (int)p.n_batch);
    }

    public int[] Tokenize(string prompt) =>
        [.. _model.Tokenize($"[INST] {prompt.Trim()} [/INST]", addBos: true, special: true, Encoding.UTF8).Select(t => (int)t)];

    /// <summary>The text of generated tokens, without the end-of-generation token and control tokens.</summary>
    public string Detokenize(int[] tokens)
    {
        var bytes = new List<byte>();
        Span<byte> buffer = stackalloc byte[256];
        foreach (var token in tokens.Where(t => !IsEnd(t)))
        {
            var n = (int)_model.TokenToSpan(token, buffer, lstrip: 0, special: false);
            bytes.AddRange(buffer[..Math.Min(n, buffer.Length)]);
        }
        return Encoding.UTF8.GetString([.. bytes]).Trim();
    }

    private bool IsEnd(int token) => ((LLamaToken)token).IsEndOfGeneration(_model.Vocab);

    /// <summary>Greedy tokens of each prompt (ending with the end-of-generation token when reached).</summary>
    public int[][] Generate(IReadOnlyList<int[]> prompts)
    {
        var outputs = prompts.Select(_ => new List<int>()).ToArray();
        var running = new (int Request, int Position, int Logits)?[_sequences];
        var next = 0;
        try
        {
            while (true)
            {
                _batch.Clear();
                for (var s = 0; s < _sequences; s++)
                {
                    if (running[s] is null && next < prompts.Count) running[s] = (next++, 0, -1);
                    if (running[s] is not { } r) continue;
                    var prompt = prompts[r.Request];
                    if (r.Position == 0 && _batch.TokenCount + prompt.Length > _batchCapacity && _batch.TokenCount > 0) { running[s] = r with { Logits = -1 }; continue; }
                    var logits = -1;
                    if (r.Position == 0)
                    {
                        for (var i = 0; i < prompt.Length; i++) logits = _batch.Add(prompt[i], i, (LLamaSeqId)s, i == prompt.Length - 1);
                        running[s] = (r.Request, prompt.Length, logits);
                    }
                    else
                    {
                        running[s] = (r.Request, r.Position + 1, _batch.Add(outputs[r.Request][^1], r.Position, (LLamaSeqId)s, true));
                    }
                }
                if (_batch.TokenCount == 0) break;
                if (_context.Decode(_batch) != DecodeResult.Ok) throw new InvalidOperationException("llama_decode failed");
                for (var s = 0; s < _sequences; s++)
                {
                    if (running[s] is not { Logits: >= 0 } r) continue;
                    var token = ArgMax(_context.GetLogitsIth(r.Logits));
                    var output = outputs[r.Request];
                    output.Add(token);
                    if (IsEnd(token) || output.Count >= _maxNewTokens || r.Position >= _contextPerSequence)
                    {
                        _context.MemorySequenceRemove((LLamaSeqId)s, -1, -1);
                        running[s] = null;
                    }
                }
            }
        }
        finally
        {
            _context.MemoryClear(true);
        }
        return [.. outputs.Select(o => o.ToArray())];
    }

    private static int ArgMax(ReadOnlySpan<float> logits)
    {
        var best = 0;
        for (var i = 1; i < logits.Length; i++) if (logits[i] > logits[best]) best = i;
        return best;
    }

    public void Dispose()
    {
        _context.Dispose();
        _model.Dispose();
    }
}
