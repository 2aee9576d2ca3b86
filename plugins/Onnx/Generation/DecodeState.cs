using Microsoft.ML.OnnxRuntime;

namespace Harness.Plugins.Onnx.Generation;

/// <summary>
/// The inputs that live across the decoder steps of one batch, as ONNX Runtime values where
/// ONNX Runtime put them (on the GPU with CUDA): the encoder's outputs and mask, and the
/// key/value cache, whose <c>present.*</c> outputs of one step are bound unchanged as the next
/// step's <c>past_key_values.*</c> inputs. The encoder (cross-attention) part is taken once.
/// </summary>
internal sealed class DecodeState : IDisposable
{
    private static int _live;
    private readonly Dictionary<string, OrtValue> _values = new(StringComparer.Ordinal);

    /// <summary>How many values all decode states hold in this process (the leak test reads it).</summary>
    public static int LiveCount => Volatile.Read(ref _live);

    public bool TryGet(string name, out OrtValue value) => _values.TryGetValue(name, out value!);

    /// <summary>Holds <paramref name="value"/> under <paramref name="name"/>, releasing what was there.</summary>
    public void Set(string name, OrtValue value)
    {
        Release(name);
        _values[name] = value;
        Interlocked.Increment(ref _live);
    }

    /// <summary>
    /// Takes the outputs of a run (in <paramref name="names"/>' order): each <c>present.*</c> becomes
    /// the matching <c>past_key_values.*</c>, except the cross-attention part after the first step;
    /// what is not taken (the logits among it) is returned to the caller, who disposes it.
    /// </summary>
    public Dictionary<string, OrtValue> TakePresents(IReadOnlyList<string> names, IReadOnlyList<OrtValue> values, bool takeEncoder)
    {
        var rest = new Dictionary<string, OrtValue>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            var present = name.StartsWith("present.", StringComparison.Ordinal)
                && (takeEncoder || !name.Contains(".encoder.", StringComparison.Ordinal));
            if (present) Set("past_key_values." + name["present.".Length..], values[i]);
            else rest[name] = values[i];
        }
        return rest;
    }

    private void Release(string name)
    {
        if (!_values.Remove(name, out var old)) return;
        old.Dispose();
        Interlocked.Decrement(ref _live);
    }

    public void Dispose()
    {
        foreach (var name in _values.Keys.ToArray()) Release(name);
    }
}
