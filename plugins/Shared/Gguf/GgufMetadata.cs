using System.Text;

namespace Harness.Plugins.Shared.Gguf;

/// <summary>
/// The key-value header of a GGUF file (version 2 or 3), read without llama.cpp: numbers,
/// booleans, strings and short integer arrays. Long arrays (the vocabulary) are skipped.
/// </summary>
internal sealed class GgufMetadata
{
    private const int LongestArrayKept = 4096;
    private readonly Dictionary<string, object> _values;

    private GgufMetadata(Dictionary<string, object> values) => _values = values;

    /// <summary><c>general.architecture</c>, e.g. <c>llama</c> or <c>t5</c>; the prefix of the model's own keys.</summary>
    public string? Architecture => String("general.architecture");

    /// <summary>The header of <paramref name="path"/>, or null when the file is not a readable GGUF header (llama.cpp then says why).</summary>
    public static GgufMetadata? TryRead(string path)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadUInt32() != 0x46554747 || reader.ReadUInt32() is < 2 or > 3) return null; // "GGUF", version
            reader.ReadUInt64(); // tensor count
            var count = reader.ReadUInt64();
            var values = new Dictionary<string, object>(StringComparer.Ordinal);
            for (ulong i = 0; i < count; i++)
            {
                var key = ReadString(reader);
                var value = ReadValue(reader, reader.ReadUInt32());
                if (value is not null) values[key] = value;
            }

            return new GgufMetadata(values);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException)
        {
            return null;
        }
    }

    public string? String(string key) => _values.GetValueOrDefault(key) as string;

    /// <summary>A whole number; null when absent or not a number.</summary>
    public long? Integer(string key) => _values.GetValueOrDefault(key) switch
    {
        long n => n,
        _ => null,
    };

    /// <summary>One whole number per layer: an array as it is, a single number repeated <paramref name="layers"/> times.</summary>
    public long[]? PerLayer(string key, int layers) => _values.GetValueOrDefault(key) switch
    {
        long n => [.. Enumerable.Repeat(n, layers)],
        long[] a when a.Length == layers => a,
        _ => null,
    };

    private static string ReadString(BinaryReader reader)
    {
        var length = reader.ReadUInt64();
        if (length > int.MaxValue || (long)length > reader.BaseStream.Length - reader.BaseStream.Position)
            throw new InvalidDataException("a string longer than the file");
        return Encoding.UTF8.GetString(reader.ReadBytes((int)length));
    }

    // The value of a key; null for what is skipped (floats, long or non-integer arrays).
    private static object? ReadValue(BinaryReader reader, uint type)
    {
        switch (type)
        {
            case 0: return (long)reader.ReadByte();
            case 1: return (long)reader.ReadSByte();
            case 2: return (long)reader.ReadUInt16();
            case 3: return (long)reader.ReadInt16();
            case 4: return (long)reader.ReadUInt32();
            case 5: return (long)reader.ReadInt32();
            case 6: reader.ReadSingle(); return null;
            case 7: return reader.ReadByte() != 0;
            case 8: return ReadString(reader);
            case 10: return (long)Math.Min(reader.ReadUInt64(), long.MaxValue);
            case 11: return reader.ReadInt64();
            case 12: reader.ReadDouble(); return null;
            case 9:
                var itemType = reader.ReadUInt32();
                var count = reader.ReadUInt64();
                if (count > (ulong)(reader.BaseStream.Length - reader.BaseStream.Position))
                    throw new InvalidDataException("an array longer than the file");
                var items = new List<long>();
                for (ulong i = 0; i < count; i++)
                {
                    if (ReadValue(reader, itemType) is long n && count <= LongestArrayKept) items.Add(n);
                }

                return items.Count == (int)Math.Min(count, int.MaxValue) ? items.ToArray() : null;
            default:
                throw new InvalidDataException($"unknown GGUF value type {type}");
        }
    }
}
