using System.Numerics.Tensors;

namespace Harness.Plugins.HfT5.Model;

/// <summary>
/// Multi-head attention of one query over stored keys and values (each position a row of
/// heads * d_kv), T5-style: no 1/sqrt(d_kv) scaling, an optional additive position bias.
/// </summary>
internal static class Attention
{
    /// <param name="query">heads * dKv values.</param>
    /// <param name="keys">count rows of heads * dKv.</param>
    /// <param name="values">count rows of heads * dKv.</param>
    /// <param name="heads">Number of heads.</param>
    /// <param name="dKv">Width of one head.</param>
    /// <param name="bias">bias[head * count + key], or null.</param>
    /// <param name="output">heads * dKv values: each head's weighted sum of values.</param>
    public static void Attend(ReadOnlySpan<float> query, List<float[]> keys, List<float[]> values, int heads, int dKv, float[]? bias, Span<float> output)
    {
        var count = keys.Count;
        Span<float> scores = count <= 512 ? stackalloc float[count] : new float[count];
        output.Clear();
        for (var h = 0; h < heads; h++)
        {
            var q = query.Slice(h * dKv, dKv);
            for (var j = 0; j < count; j++)
            {
                scores[j] = TensorPrimitives.Dot(q, keys[j].AsSpan(h * dKv, dKv));
                if (bias is not null) scores[j] += bias[h * count + j];
            }
            Ops.Softmax(scores);
            var head = output.Slice(h * dKv, dKv);
            for (var j = 0; j < count; j++)
                TensorPrimitives.MultiplyAdd(values[j].AsSpan(h * dKv, dKv), scores[j], head, head);
        }
    }
}
