using Harness.Plugins.Onnx.Generation;
using Harness.Plugins.Onnx.Native;

namespace Harness.Plugins.Onnx.Benchmarks;

/// <summary>
/// The least any caller of ONNX Runtime must do to generate <c>steps</c> tokens: one encoder
/// run, one first-decoder run, then one cached decoder run per token, handing each step's
/// present key/values to the next. No tokenizer, no argmax, no bookkeeping: the baseline.
/// </summary>
internal sealed class BareRunLoop : IDisposable
{
    private readonly OrtRuntime _runtime;
    private readonly OrtSession _encoder;
    private readonly OrtSession _decoder;
    private readonly OrtSession _withPast;
    private readonly long[] _inputIds;

    public BareRunLoop(OrtRuntime runtime, ModelLayout layout, int[] inputIds)
    {
        _runtime = runtime;
        _encoder = OrtSession.Open(runtime, layout.Encoder, 0, cuda: false);
        _decoder = OrtSession.Open(runtime, layout.Decoder!, 0, cuda: false);
        _withPast = OrtSession.Open(runtime, layout.DecoderWithPast!, 0, cuda: false);
        _inputIds = [.. inputIds.Select(i => (long)i)];
    }

    public void Run(int steps)
    {
        var width = _inputIds.Length;
        using var ids = OrtValue.FromInt64(_runtime, _inputIds, 1, width);
        using var mask = OrtValue.FromInt64(_runtime, Enumerable.Repeat(1L, width).ToArray(), 1, width);
        using var token = OrtValue.FromInt64(_runtime, [0L], 1, 1);
        var hidden = _encoder.Run(["input_ids", "attention_mask"], [ids, mask], ["last_hidden_state"]);
        var cache = _decoder.Run(["encoder_attention_mask", "input_ids", "encoder_hidden_states"], [mask, token, hidden[0]], _decoder.OutputNames);
        var pastNames = _withPast.InputNames.Where(n => n.StartsWith("past_key_values.", StringComparison.Ordinal)).ToArray();
        var inputNames = new[] { "input_ids", "encoder_attention_mask" }.Concat(pastNames).ToArray();
        // Where each past input comes from: the first run's outputs by name.
        var past = pastNames.ToDictionary(n => n, n => cache[IndexOf(_decoder.OutputNames, n.Replace("past_key_values.", "present.", StringComparison.Ordinal))]);
        var current = cache;
        OrtValue[]? step = null;
        for (var i = 1; i < steps; i++)
        {
            var inputs = new List<OrtValue> { token, mask };
            inputs.AddRange(pastNames.Select(n => past[n]));
            step = _withPast.Run(inputNames, inputs, _withPast.OutputNames);
            for (var o = 0; o < _withPast.OutputNames.Count; o++)
            {
                var name = _withPast.OutputNames[o].Replace("present.", "past_key_values.", StringComparison.Ordinal);
                if (past.ContainsKey(name)) past[name] = step[o];
            }
            if (current != cache) foreach (var v in current) v.Dispose();
            current = step;
        }
        if (current != cache) foreach (var v in current) v.Dispose();
        foreach (var v in cache) v.Dispose();
        foreach (var v in hidden) v.Dispose();
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++) if (names[i] == name) return i;
        throw new InvalidOperationException($"no output {name}");
    }

    public void Dispose()
    {
        _encoder.Dispose();
        _decoder.Dispose();
        _withPast.Dispose();
    }
}
