using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harness.Plugins.HfT5.Tests;

/// <summary>A safetensors file's tensors in memory, to change and write back (for broken and variant checkpoints).</summary>
internal sealed class Checkpoint
{
    public Dictionary<string, (string DType, int[] Shape, byte[] Data)> Tensors { get; } = new(StringComparer.Ordinal);

    public static Checkpoint Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var headerLength = (int)BinaryPrimitives.ReadInt64LittleEndian(bytes);
        var checkpoint = new Checkpoint();
        using var header = JsonDocument.Parse(bytes.AsMemory(8, headerLength));
        foreach (var tensor in header.RootElement.EnumerateObject().Where(p => p.Name != "__metadata__"))
        {
            var offsets = tensor.Value.GetProperty("data_offsets");
            var begin = 8 + headerLength + offsets[0].GetInt32();
            var end = 8 + headerLength + offsets[1].GetInt32();
            checkpoint.Tensors[tensor.Name] = (tensor.Value.GetProperty("dtype").GetString()!,
                [.. tensor.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32())], bytes[begin..end]);
        }
        return checkpoint;
    }

    public void Write(string path)
    {
        var header = new JsonObject();
        var offset = 0;
        foreach (var (name, (dtype, shape, data)) in Tensors)
        {
            header[name] = new JsonObject
            {
                ["dtype"] = dtype,
                ["shape"] = new JsonArray([.. shape.Select(d => (JsonNode)d)]),
                ["data_offsets"] = new JsonArray(offset, offset + data.Length),
            };
            offset += data.Length;
        }
        var text = Encoding.UTF8.GetBytes(header.ToJsonString());
        using var file = File.Create(path);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(length, text.Length);
        file.Write(length);
        file.Write(text);
        foreach (var (_, _, data) in Tensors.Values) file.Write(data);
    }
}
