using Harness.Plugins.Onnx.Native;

namespace Harness.Plugins.Onnx.Generation;

/// <summary>The named outputs of one run; disposes those not taken.</summary>
internal sealed class ValueSet : IDisposable
{
    private readonly Dictionary<string, OrtValue> _values = new(StringComparer.Ordinal);

    public ValueSet(OrtValue[] values, IReadOnlyList<string> names)
    {
        for (var i = 0; i < values.Length; i++) _values[names[i]] = values[i];
    }

    public IEnumerable<string> Names => _values.Keys.ToArray();

    public OrtValue Get(string name) =>
        _values.TryGetValue(name, out var v) ? v : throw new ModelFileException("model", $"it has no output '{name}'");

    /// <summary>Moves ownership of <paramref name="name"/> to the caller.</summary>
    public OrtValue Take(string name)
    {
        var value = Get(name);
        _values.Remove(name);
        return value;
    }

    public void Dispose()
    {
        foreach (var v in _values.Values) v.Dispose();
        _values.Clear();
    }
}
