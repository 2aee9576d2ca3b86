using Harness.Plugins.Onnx.Native;

namespace Harness.Plugins.Onnx.Generation;

/// <summary>
/// The inputs that live across decoder steps of one batch: the encoder's outputs and
/// mask, and the key/value cache (<c>present.*</c> of one step become the next step's
/// <c>past_key_values.*</c>; the encoder (cross-attention) part is taken once).
/// </summary>
internal sealed class DecodeState(OrtRuntime runtime) : IDisposable
{
    private readonly List<OrtValue> _owned = [];
    private readonly Dictionary<string, OrtValue> _named = new(StringComparer.Ordinal);

    public OrtRuntime Runtime => runtime;

    public IReadOnlyDictionary<string, OrtValue> Named => _named;

    public OrtValue Keep(OrtValue value)
    {
        _owned.Add(value);
        return value;
    }

    public void Set(string name, OrtValue value) => _named[name] = value;

    public void TakePresents(ValueSet result, bool takeEncoder)
    {
        foreach (var name in result.Names)
        {
            if (!name.StartsWith("present.", StringComparison.Ordinal)) continue;
            if (name.Contains(".encoder.", StringComparison.Ordinal) && !takeEncoder) continue;
            var past = "past_key_values." + name["present.".Length..];
            if (_named.Remove(past, out var old))
            {
                _owned.Remove(old);
                old.Dispose();
            }
            _named[past] = Keep(result.Take(name));
        }
    }

    public void Dispose()
    {
        foreach (var v in _owned) v.Dispose();
        _owned.Clear();
        _named.Clear();
    }
}
