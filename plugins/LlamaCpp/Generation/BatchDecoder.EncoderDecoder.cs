using System.Diagnostics;
using Harness.Backends;

namespace Harness.Plugins.LlamaCpp.Generation;

/// <summary>
/// Encoder-decoder models (T5): llama.cpp keeps one encoder output per context, so
/// requests go in waves: one <c>llama_encode</c> of every prompt of the wave (each its
/// own sequence), then greedy decoding of the wave from the decoder start token until
/// every sequence is done.
/// </summary>
internal sealed unsafe partial class BatchDecoder
{
    private int[][] GenerateEncoderDecoder(IReadOnlyList<int[]> prompts, CancellationToken cancellationToken)
    {
        var outputs = prompts.Select(_ => new List<int>()).ToArray();
        var memory = _api.GetMemory(_context.DangerousGetHandle());
        try
        {
            var next = 0;
            while (next < prompts.Count)
            {
                var wave = new List<Slot>();
                var tokens = 0;
                while (next < prompts.Count && wave.Count < Sequences && (wave.Count == 0 || tokens + prompts[next].Length <= _batch.Capacity))
                {
                    tokens += prompts[next].Length;
                    wave.Add(new Slot(next++));
                }
                Encode(wave, prompts);
                DecodeWave(wave, outputs, cancellationToken);
                _api.MemoryClear(memory, 1);
            }
        }
        finally
        {
            _api.MemoryClear(memory, 1);
        }
        return [.. outputs.Select(o => o.ToArray())];
    }

    private void Encode(List<Slot> wave, IReadOnlyList<int[]> prompts)
    {
        _batch.Clear();
        for (var s = 0; s < wave.Count; s++)
        {
            var prompt = prompts[wave[s].Request];
            for (var i = 0; i < prompt.Length; i++) _batch.Add(prompt[i], i, s, true);
        }
        var start = Stopwatch.GetTimestamp();
        var rc = _api.Encode(_context.DangerousGetHandle(), _batch.Batch);
        DecodeTime += Stopwatch.GetElapsedTime(start);
        if (rc != 0)
            throw new BackendException($"llama_encode failed with code {rc} ({Native.LlamaLog.TakeLastErrors()}); lower batch_size or raise context_size.");
    }

    private void DecodeWave(List<Slot> wave, List<int>[] outputs, CancellationToken cancellationToken)
    {
        var running = wave.Select(s => { s.Last = _model.DecoderStart; return s; }).ToList();
        while (running.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _batch.Clear();
            foreach (var slot in running) slot.LogitIndex = _batch.Add(slot.Last, slot.Position++, wave.IndexOf(slot), true);
            Decode();
            foreach (var slot in running.ToArray())
            {
                var output = outputs[slot.Request];
                slot.Last = ArgMax(_api.GetLogitsIth(_context.DangerousGetHandle(), slot.LogitIndex));
                output.Add(slot.Last);
                if (IsDone(slot, output)) running.Remove(slot);
            }
        }
    }
}
