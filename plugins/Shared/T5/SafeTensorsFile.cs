using System.Buffers.Binary;
using System.Text.Json;
using Harness.Backends;

namespace Harness.Plugins.Shared.T5;

/// <summary>
/// Reads a <c>.safetensors</c> file: an 8-byte little-endian header length, a JSON header
/// naming each tensor's dtype, shape and data offsets, then the raw little-endian data.
/// F32 is read as is; F16 and BF16 are widened to float32. Every problem is a
/// <see cref="BackendException"/> naming the file (and the tensor).
/// </summary>
internal sealed class SafeTensorsFile
{
    private const long MaxHeaderBytes = 100L << 20;
    private readonly Dictionary<string, TensorEntry> _entries;
    private readonly long _dataStart;

    private SafeTensorsFile(string path, Dictionary<string, TensorEntry> entries, long dataStart)
    {
        Path = path;
        _entries = entries;
        _dataStart = dataStart;
    }

    public string Path { get; }

    public IReadOnlyCollection<string> Names => _entries.Keys;

    public bool Contains(string name) => _entries.ContainsKey(name);

    public static SafeTensorsFile Open(string path)
    {
        using var stream = File.OpenRead(path);
        var length = stream.Length;
        Span<byte> prefix = stackalloc byte[8];
        if (length < 8 || stream.ReadAtLeast(prefix, 8, throwOnEndOfStream: false) < 8)
            throw Bad(path, $"is {length} bytes, too short for a safetensors header; the file is truncated");
        var headerLength = BinaryPrimitives.ReadInt64LittleEndian(prefix);
        if (headerLength <= 0 || headerLength > MaxHeaderBytes || headerLength > length - 8)
            throw Bad(path, $"says its header is {headerLength} bytes but the file has {length - 8} after the length; the file is truncated or not safetensors");
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        var dataLength = length - 8 - headerLength;
        var entries = ParseHeader(path, header, dataLength);
        return new SafeTensorsFile(path, entries, 8 + headerLength);
    }

    /// <summary>The tensor's values as float32; throws when it is missing or its shape is not <paramref name="shape"/>.</summary>
    public float[] Read(string name, params int[] shape)
    {
        if (!_entries.TryGetValue(name, out var entry))
            throw Bad(Path, $"has no tensor '{name}'; is this a T5ForConditionalGeneration checkpoint?");
        if (!entry.Shape.SequenceEqual(shape))
            throw Bad(Path, $"tensor '{name}' has shape {entry.ShapeText} but config.json implies [{string.Join(", ", shape)}]");
        var bytes = new byte[entry.End - entry.Begin];
        using (var handle = File.OpenHandle(Path))
        {
            var read = RandomAccess.Read(handle, bytes, _dataStart + entry.Begin);
            if (read < bytes.Length) throw Bad(Path, $"tensor '{name}' ends past the end of the file; the file is truncated");
        }
        return Convert(entry.DType, bytes);
    }

    private static float[] Convert(string dtype, byte[] bytes)
    {
        switch (dtype)
        {
            case "F32":
                var values = new float[bytes.Length / 4];
                for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
                return values;
            case "F16":
                var fromHalf = new float[bytes.Length / 2];
                for (var i = 0; i < fromHalf.Length; i++) fromHalf[i] = (float)BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i * 2)));
                return fromHalf;
            default: // BF16: the upper half of a float32.
                var fromBrain = new float[bytes.Length / 2];
                for (var i = 0; i < fromBrain.Length; i++) fromBrain[i] = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i * 2)) << 16);
                return fromBrain;
        }
    }

    private static Dictionary<string, TensorEntry> ParseHeader(string path, byte[] header, long dataLength)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(header);
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw Bad(path, $"has a header that is not valid JSON ({e.Message}); the file is damaged or not safetensors");
        }
        if (root.ValueKind != JsonValueKind.Object) throw Bad(path, "has a header that is not a JSON object; the file is not safetensors");
        var entries = new Dictionary<string, TensorEntry>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name == "__metadata__") continue;
            var entry = ParseEntry(path, property);
            var size = TensorEntry.ElementSize(entry.DType);
            if (size == 0) throw Bad(path, $"tensor '{entry.Name}' has dtype {entry.DType}; checkpoints are read in F32, F16 and BF16");
            if (entry.End - entry.Begin != entry.ElementCount * size)
                throw Bad(path, $"tensor '{entry.Name}' has {entry.End - entry.Begin} bytes but shape {entry.ShapeText} of {entry.DType} needs {entry.ElementCount * size}");
            if (entry.End > dataLength)
                throw Bad(path, $"tensor '{entry.Name}' ends at byte {entry.End} of the data but the file holds only {dataLength}; the file is truncated");
            entries[entry.Name] = entry;
        }
        return entries;
    }

    private static TensorEntry ParseEntry(string path, JsonProperty property)
    {
        var value = property.Value;
        if (value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("dtype", out var dtype) && dtype.ValueKind == JsonValueKind.String
            && value.TryGetProperty("shape", out var shape) && shape.ValueKind == JsonValueKind.Array
            && value.TryGetProperty("data_offsets", out var offsets) && offsets.ValueKind == JsonValueKind.Array && offsets.GetArrayLength() == 2
            && shape.EnumerateArray().All(d => d.ValueKind == JsonValueKind.Number && d.TryGetInt32(out var n) && n >= 0)
            && offsets[0].TryGetInt64(out var begin) && offsets[1].TryGetInt64(out var end) && begin >= 0 && end >= begin)
        {
            return new TensorEntry(property.Name, dtype.GetString()!, [.. shape.EnumerateArray().Select(d => d.GetInt32())], begin, end);
        }
        throw Bad(path, $"header entry '{property.Name}' lacks a valid dtype, shape or data_offsets; the file is damaged or not safetensors");
    }

    private static BackendException Bad(string path, string what) => new($"{path}: {what}.");
}
