using LLama.Native;

namespace Harness.Plugins.LlamaCpp.Generation;

/// <summary>
/// Encoder-decoder models (T5): llama.cpp keeps one encoder output per context, so
/// requests go in waves: one <c>llama_encode</c> of every prompt of the wave (each its
/// own sequence), then greedy decoding of the wave from the decoder start token until
/// every sequence is done. (LLamaSharp's BatchedExecutor has no encoder path, so this
/// drives <see cref="LLamaBatch"/> directly.)
/// </summary>
internal sealed partial class BatchDecoder
{
    private void GenerateEncoderDecoder(IReadOnlyList<int[]> prompts, Slot[] requests, CancellationToken cancellationToken)
    {
        var next = 0;
        while (next < prompts.Count)
        {
            var wave = new List<Slot>();
            var tokens = 0;
            while (next < prompts.Count && wave.Count < Sequences && (wave.Count == 0 || tokens + prompts[next].Length <= _batchCapacity))
            {
                tokens += prompts[next].Length;
                wave.Add(Start(requests[next++]));
            }
            Encode(wave, prompts);
            DecodeWave(wave, cancellationToken);
            _context.MemoryClear(true);
        }
    }

    private void Encode(List<Slot> wave, IReadOnlyList<int[]> prompts)
    {
        _batch.Clear();
        for (var s = 0; s < wave.Count; s++)
        {
            var prompt = prompts[wave[s].Request];
            for (var i = 0; i < prompt.Length; i++) _batch.Add(prompt[i], i, (LLamaSeqId)s, true);
        }
        Run(encode: true);
    }

    private void DecodeWave(List<Slot> wave, CancellationToken cancellationToken)
    {
        foreach (var slot in wave) slot.Last = _model.DecoderStart;
        var running = wave.Select((slot, sequence) => (Slot: slot, Sequence: sequence)).ToList();
        while (running.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _batch.Clear();
            foreach (var (slot, sequence) in running) slot.LogitIndex = _batch.Add(slot.Last, slot.Position++, (LLamaSeqId)sequence, true);
            Run(encode: false);
            foreach (var r in running.ToArray())
                if (Step(r.Slot)) running.Remove(r);
        }
    }
}
