using Harness.Plugins.Shared.T5;
using Harness.Tokenizers;
using static TorchSharp.torch;

namespace Harness.Plugins.TorchSharpT5.Model;

/// <summary>Self-attention with its query, key and value projections fused into one [d_model, 3 * inner] matrix (transposed for <c>mm</c>).</summary>
internal sealed record SelfAttention(Tensor Norm, Tensor QkvT, Tensor OT);

/// <summary>Cross-attention: the query from the decoder, keys and values (fused) from the encoder's output.</summary>
internal sealed record CrossAttention(Tensor Norm, Tensor QT, Tensor KvT, Tensor OT);

/// <summary>The gated-GELU feed-forward after its layer norm, weights transposed for <c>mm</c>.</summary>
internal sealed record FeedForward(Tensor Norm, Tensor Wi0T, Tensor Wi1T, Tensor WoT);

/// <summary>A decoder block's three parts.</summary>
internal sealed record DecoderBlock(SelfAttention Self, CrossAttention Cross, FeedForward FeedForward);

/// <summary>
/// The checkpoint's parameters as LibTorch tensors on the chosen device. The names and shapes are
/// checked once, by the shared <see cref="T5Weights"/> reader (the same one HfT5 uses).
/// </summary>
internal sealed class TorchWeights : IDisposable
{
    private readonly List<Tensor> _all = [];

    public TorchWeights(T5Weights w, T5Config c, Device device)
    {
        long d = c.DModel, inner = c.NumHeads * c.DKv, ff = c.DFf;
        Tensor Track(Tensor t)
        {
            _all.Add(t);
            return t;
        }
        Tensor T(float[] data, params long[] shape) => Track(tensor(data, shape, device: device));
        Tensor Transposed(long rows, long cols, params float[][] parts)
        {
            using var matrix = tensor(parts.Length == 1 ? parts[0] : [.. parts.SelectMany(p => p)], [rows, cols], device: device);
            return Track(matrix.t().contiguous());
        }
        FeedForward Ff(float[] norm, FeedForwardWeights f) =>
            new(T(norm, d), Transposed(ff, d, f.Wi0), Transposed(ff, d, f.Wi1), Transposed(d, ff, f.Wo));
        SelfAttention Self(float[] norm, AttentionWeights a) => new(T(norm, d), Transposed(3 * inner, d, a.Q, a.K, a.V), Transposed(d, inner, a.O));

        Embedding = T(w.Embedding, c.VocabSize, d);
        LmHeadT = Transposed(c.VocabSize, d, w.LmHead);
        EncoderBias = T(w.EncoderPositionBias, c.RelativeAttentionNumBuckets, c.NumHeads);
        DecoderBias = T(w.DecoderPositionBias, c.RelativeAttentionNumBuckets, c.NumHeads);
        Encoder = [.. w.Encoder.Select(l => (Self(l.AttentionNorm, l.Attention), Ff(l.FeedForwardNorm, l.FeedForward)))];
        Decoder = [.. w.Decoder.Select(l => new DecoderBlock(Self(l.SelfNorm, l.Self),
            new CrossAttention(T(l.CrossNorm, d), Transposed(inner, d, l.Cross.Q), Transposed(2 * inner, d, l.Cross.K, l.Cross.V), Transposed(d, inner, l.Cross.O)),
            Ff(l.FeedForwardNorm, l.FeedForward)))];
        EncoderFinalNorm = T(w.EncoderFinalNorm, d);
        DecoderFinalNorm = T(w.DecoderFinalNorm, d);
    }

    public Tensor Embedding { get; }

    public Tensor LmHeadT { get; }

    /// <summary>[buckets, heads] relative position bias tables.</summary>
    public Tensor EncoderBias { get; }

    public Tensor DecoderBias { get; }

    public (SelfAttention Self, FeedForward FeedForward)[] Encoder { get; }

    public DecoderBlock[] Decoder { get; }

    public Tensor EncoderFinalNorm { get; }

    public Tensor DecoderFinalNorm { get; }

    public void Dispose()
    {
        foreach (var t in _all) t.Dispose();
    }
}
