using Harness.Plugins.Onnx.Generation;
using Microsoft.ML.OnnxRuntime;

namespace Harness.Plugins.Onnx.Benchmarks;

/// <summary>
/// The least any caller of ONNX Runtime must do to generate <c>steps</c> tokens: one encoder
/// <c>Run</c>, one first-decoder <c>Run</c>, then one cached decoder <c>Run</c> per token,
/// handing each step's present key/values to the next. No tokenizer, no argmax, no I/O
/// binding, no bookkeeping: the baseline. Its sessions have the plugin's session options.
/// </summary>
internal sealed class BareRunLoop : IDisposable
{
    private readonly DecoderSessions _sessions;
    private readonly RunOptions _options = new();
    private readonly long[] _inputIds;
    private readonly long[] _mask;

    public BareRunLoop(ModelLayout layout, int[] inputIds)
    {
        _sessions = DecoderSessions.Open(layout, threads: 0, cuda: false);
        _inputIds = [.. inputIds.Select(i => (long)i)];
        _mask = [.. inputIds.Select(_ => 1L)];
    }

    public void Run(int steps)
    {
        var (encoder, first, next) = (_sessions.Encoder, _sessions.First, _sessions.Next);
        using var ids = OrtValue.CreateTensorValueFromMemory(_inputIds, [1, _inputIds.Length]);
        using var mask = OrtValue.CreateTensorValueFromMemory(_mask, [1, _mask.Length]);
        using var token = OrtValue.CreateTensorValueFromMemory(new long[] { 0 }, [1, 1]);
        using var hidden = encoder.Run(_options, ["input_ids", "attention_mask"], [ids, mask], ["last_hidden_state"]);
        using var cache = first.Run(_options, ["encoder_attention_mask", "input_ids", "encoder_hidden_states"], [mask, token, hidden[0]], first.OutputNames);
        var pastNames = next.InputNames.Where(n => n.StartsWith("past_key_values.", StringComparison.Ordinal)).ToArray();
        string[] inputNames = ["input_ids", "encoder_attention_mask", .. pastNames];
        // Where each past input comes from: the first run's outputs by name.
        var past = pastNames.ToDictionary(n => n, n => cache[IndexOf(first.OutputNames, n.Replace("past_key_values.", "present.", StringComparison.Ordinal))]);
        IDisposableReadOnlyCollection<OrtValue>? previous = null;
        for (var i = 1; i < steps; i++)
        {
            var step = next.Run(_options, inputNames, [token, mask, .. pastNames.Select(n => past[n])], next.OutputNames);
            for (var o = 0; o < next.OutputNames.Count; o++)
            {
                var name = next.OutputNames[o].Replace("present.", "past_key_values.", StringComparison.Ordinal);
                if (past.ContainsKey(name)) past[name] = step[o];
            }
            previous?.Dispose();
            previous = step;
        }
        previous?.Dispose();
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++) if (names[i] == name) return i;
        throw new InvalidOperationException($"no output {name}");
    }

    public void Dispose()
    {
        _sessions.Dispose();
        _options.Dispose();
    }
}
