namespace Harness.Plugins.Shared.T5;

/// <summary>One tensor named in a safetensors header: its element type, shape and byte range in the data section.</summary>
internal sealed record TensorEntry(string Name, string DType, int[] Shape, long Begin, long End)
{
    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);

    public string ShapeText => $"[{string.Join(", ", Shape)}]";

    /// <summary>Bytes per element of the types the reader converts; 0 for any other.</summary>
    public static int ElementSize(string dtype) => dtype switch
    {
        "F32" => 4,
        "F16" or "BF16" => 2,
        _ => 0,
    };
}
