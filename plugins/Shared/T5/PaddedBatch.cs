namespace Harness.Plugins.Shared.T5;

/// <summary>
/// Token ids of several inputs right-padded with the pad token to the longest, row-major
/// [<see cref="Batch"/>, <see cref="Width"/>], with the attention mask: 1 for a real token, 0 for padding.
/// </summary>
internal sealed record PaddedBatch(long[] Ids, long[] Mask, int Batch, int Width)
{
    public static PaddedBatch Of(IReadOnlyList<int[]> inputs, int padTokenId)
    {
        var batch = inputs.Count;
        var width = inputs.Max(x => x.Length);
        var ids = new long[batch * width];
        var mask = new long[batch * width];
        for (var b = 0; b < batch; b++)
        {
            for (var i = 0; i < width; i++)
            {
                ids[b * width + i] = i < inputs[b].Length ? inputs[b][i] : padTokenId;
                mask[b * width + i] = i < inputs[b].Length ? 1 : 0;
            }
        }
        return new PaddedBatch(ids, mask, batch, width);
    }
}
