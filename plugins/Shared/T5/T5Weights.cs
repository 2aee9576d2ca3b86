using Harness.Tokenizers;

namespace Harness.Plugins.Shared.T5;

/// <summary>Query, key, value and output projections of one attention block ([out, in] row-major).</summary>
internal sealed record AttentionWeights(float[] Q, float[] K, float[] V, float[] O);

/// <summary>The gated-GELU feed-forward: wo(gelu(wi_0 x) * wi_1 x).</summary>
internal sealed record FeedForwardWeights(float[] Wi0, float[] Wi1, float[] Wo);

/// <summary>One encoder block: layer norms before self-attention and the feed-forward.</summary>
internal sealed record EncoderLayer(float[] AttentionNorm, AttentionWeights Attention, float[] FeedForwardNorm, FeedForwardWeights FeedForward);

/// <summary>One decoder block: self-attention, cross-attention and the feed-forward, each after its layer norm.</summary>
internal sealed record DecoderLayer(float[] SelfNorm, AttentionWeights Self, float[] CrossNorm, AttentionWeights Cross, float[] FeedForwardNorm, FeedForwardWeights FeedForward);

/// <summary>All parameters of a T5 v1.1 model, under Hugging Face's T5ForConditionalGeneration names.</summary>
internal sealed record T5Weights(
    float[] Embedding, float[] LmHead, float[] EncoderPositionBias, float[] DecoderPositionBias,
    EncoderLayer[] Encoder, float[] EncoderFinalNorm, DecoderLayer[] Decoder, float[] DecoderFinalNorm)
{
    /// <summary>Reads and shape-checks every tensor the config implies; a problem is a BackendException naming file and tensor.</summary>
    public static T5Weights Load(SafeTensorsFile file, T5Config c)
    {
        int d = c.DModel, inner = c.NumHeads * c.DKv, ff = c.DFf;
        float[] Norm(string name) => file.Read(name, d);
        AttentionWeights Attention(string p) => new(file.Read($"{p}.q.weight", inner, d), file.Read($"{p}.k.weight", inner, d),
            file.Read($"{p}.v.weight", inner, d), file.Read($"{p}.o.weight", d, inner));
        FeedForwardWeights FeedForward(string p) => new(file.Read($"{p}.DenseReluDense.wi_0.weight", ff, d),
            file.Read($"{p}.DenseReluDense.wi_1.weight", ff, d), file.Read($"{p}.DenseReluDense.wo.weight", d, ff));

        var embeddingName = file.Contains("shared.weight") || !file.Contains("encoder.embed_tokens.weight") ? "shared.weight" : "encoder.embed_tokens.weight";
        var embedding = file.Read(embeddingName, c.VocabSize, d);
        var lmHead = c.TieWordEmbeddings ? embedding : file.Read("lm_head.weight", c.VocabSize, d);
        var encoder = new EncoderLayer[c.NumLayers];
        for (var i = 0; i < encoder.Length; i++)
        {
            var p = $"encoder.block.{i}.layer";
            encoder[i] = new EncoderLayer(Norm($"{p}.0.layer_norm.weight"), Attention($"{p}.0.SelfAttention"),
                Norm($"{p}.1.layer_norm.weight"), FeedForward($"{p}.1"));
        }
        var decoder = new DecoderLayer[c.NumDecoderLayers];
        for (var i = 0; i < decoder.Length; i++)
        {
            var p = $"decoder.block.{i}.layer";
            decoder[i] = new DecoderLayer(Norm($"{p}.0.layer_norm.weight"), Attention($"{p}.0.SelfAttention"),
                Norm($"{p}.1.layer_norm.weight"), Attention($"{p}.1.EncDecAttention"),
                Norm($"{p}.2.layer_norm.weight"), FeedForward($"{p}.2"));
        }
        const string bias = "layer.0.SelfAttention.relative_attention_bias.weight";
        return new T5Weights(embedding, lmHead,
            file.Read($"encoder.block.0.{bias}", c.RelativeAttentionNumBuckets, c.NumHeads),
            file.Read($"decoder.block.0.{bias}", c.RelativeAttentionNumBuckets, c.NumHeads),
            encoder, Norm("encoder.final_layer_norm.weight"), decoder, Norm("decoder.final_layer_norm.weight"));
    }
}
