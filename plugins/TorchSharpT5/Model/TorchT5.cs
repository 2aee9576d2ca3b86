using Harness.Plugins.Shared.T5;
using Harness.Tokenizers;
using static TorchSharp.torch;

namespace Harness.Plugins.TorchSharpT5.Model;

/// <summary>
/// T5 v1.1 (FlanT5) greedy generation on LibTorch, many sequences per batch: the encoder runs once
/// over the right-padded inputs (padding masked out of every attention), each decoder layer's
/// cross-attention keys and values are computed once from its output, and each step feeds one token
/// per sequence against a growing self-attention key/value cache. The arithmetic follows Hugging
/// Face's T5ForConditionalGeneration operation for operation.
/// </summary>
internal sealed class TorchT5(T5Config config, TorchWeights weights, Device device) : IDisposable
{
    private readonly long _heads = config.NumHeads;
    private readonly long _dKv = config.DKv;
    private readonly long _inner = config.NumHeads * config.DKv;
    private readonly long _d = config.DModel;

    /// <summary>The answer to each input (each ending with &lt;/s&gt; already): ids without the final &lt;/s&gt;, and the not-used probability.</summary>
    public Generated[] Generate(IReadOnlyList<int[]> inputs, int maxNewTokens, NotUsedAnswer notUsed, CalibratedStart? calibrated, CancellationToken cancellationToken)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var padded = PaddedBatch.Of(inputs, config.PadTokenId);
        long batch = padded.Batch, length = padded.Width;
        var valid = Array.ConvertAll(padded.Mask, m => (float)m);
        // Hugging Face's extended mask: 0 where a key is a real token, the lowest float where it is padding.
        var mask = ((1f - tensor(valid, [batch, 1, 1, length], device: device)) * float.MinValue).MoveToOuterDisposeScope();
        var encoded = Encode(tensor(padded.Ids, [batch, length], device: device), mask);
        var cross = weights.Decoder.Select(l => Heads(Guarded.Mm(encoded.view(batch * length, _d), l.Cross.KvT), batch, length, 2)).ToArray();
        var cache = new Tensor?[weights.Decoder.Length, 2];
        var notUsedIds = tensor(notUsed.FirstTokens.Select(id => (long)id).ToArray(), device: device);
        return GreedyDecoding.Run(config, padded.Batch, maxNewTokens, (step, tokens) =>
        {
            using var stepScope = NewDisposeScope();
            var logits = DecodeStep(tensor(tokens, [batch], device: device), step, cross, mask, cache);
            var next = logits.argmax(-1).cpu().data<long>().ToArray();
            if (step > 0) return new DecodedStep(next);
            // The not-used answer's first-step mass, as NotUsedAnswer.Probability computes it on the host.
            var mass = logits.to_type(ScalarType.Float64).softmax(-1).index_select(1, notUsedIds).sum(1);
            // The best token outside the not-used answer's first tokens, as NotUsedAnswer.BestOther picks it.
            var other = logits.index_fill(1, notUsedIds, float.NegativeInfinity).argmax(-1).cpu().data<long>().ToArray();
            return new DecodedStep(next, mass.cpu().data<double>().ToArray(), other);
        }, calibrated, cancellationToken);
    }

    private Tensor Encode(Tensor ids, Tensor mask)
    {
        long batch = ids.shape[0], length = ids.shape[1];
        var x = weights.Embedding.index_select(0, ids.view(-1)).view(batch, length, _d);
        var bias = PositionBias(weights.EncoderBias, length, length, 0, bidirectional: true) + mask;
        foreach (var (self, ff) in weights.Encoder)
        {
            var qkv = Heads(Guarded.Mm(Norm(x, self.Norm).view(batch * length, _d), self.QkvT), batch, length, 3);
            x = x + Attend(qkv[0], qkv[1], qkv[2], bias, self.OT).view(batch, length, _d);
            x = x + FeedForwardOf(x.view(batch * length, _d), ff).view(batch, length, _d);
        }
        return Norm(x, weights.EncoderFinalNorm).MoveToOuterDisposeScope();
    }

    /// <summary>One decoder step for every sequence: the logits of the next token [batch, vocab].</summary>
    private Tensor DecodeStep(Tensor tokens, int position, Tensor[][] cross, Tensor mask, Tensor?[,] cache)
    {
        var batch = tokens.shape[0];
        var x = weights.Embedding.index_select(0, tokens);
        var selfBias = PositionBias(weights.DecoderBias, 1, position + 1, position, bidirectional: false);
        for (var l = 0; l < weights.Decoder.Length; l++)
        {
            var layer = weights.Decoder[l];
            var qkv = Heads(Guarded.Mm(Norm(x, layer.Self.Norm), layer.Self.QkvT), batch, 1, 3);
            for (var kv = 0; kv < 2; kv++)
            {
                var grown = cache[l, kv] is { } old ? cat([old, qkv[kv + 1]], 2) : qkv[kv + 1].alias();
                cache[l, kv]?.Dispose();
                cache[l, kv] = grown.MoveToOuterDisposeScope();
            }
            x = x + Attend(qkv[0], cache[l, 0]!, cache[l, 1]!, selfBias, layer.Self.OT);
            var q = Heads(Guarded.Mm(Norm(x, layer.Cross.Norm), layer.Cross.QT), batch, 1, 1)[0];
            x = x + Attend(q, cross[l][0], cross[l][1], mask, layer.Cross.OT);
            x = x + FeedForwardOf(x, layer.FeedForward);
        }
        x = Norm(x, weights.DecoderFinalNorm);
        // A tied head reuses the embedding, so Hugging Face rescales the hidden state first.
        if (config.TieWordEmbeddings) x = x * (float)Math.Pow(_d, -0.5);
        return Guarded.Mm(x, weights.LmHeadT);
    }

    /// <summary>softmax(q kᵀ + bias) v over heads, projected by O: [batch * queries, d_model]. No 1/sqrt(d_kv) scaling in T5.</summary>
    private Tensor Attend(Tensor q, Tensor k, Tensor v, Tensor bias, Tensor oT)
    {
        long batch = q.shape[0], queries = q.shape[2], keys = k.shape[2];
        var scores = Guarded.Bmm(q.reshape(batch * _heads, queries, _dKv), k.reshape(batch * _heads, keys, _dKv).transpose(1, 2));
        scores = (scores.view(batch, _heads, queries, keys) + bias).softmax(-1);
        var context = Guarded.Bmm(scores.view(batch * _heads, queries, keys), v.reshape(batch * _heads, keys, _dKv));
        return Guarded.Mm(context.view(batch, _heads, queries, _dKv).permute(0, 2, 1, 3).reshape(batch * queries, _inner), oT);
    }

    /// <summary>wo(gelu_new(wi_0 h) * wi_1 h), h = norm(x), for rows [n, d_model].</summary>
    private Tensor FeedForwardOf(Tensor x, FeedForward ff)
    {
        var h = Norm(x, ff.Norm);
        var gate = Guarded.Mm(h, ff.Wi0T);
        // gelu_new, as Hugging Face's NewGELUActivation writes it.
        gate = 0.5f * gate * (1f + (Math.Sqrt(2.0 / Math.PI) * (gate + 0.044715f * gate.pow(3f))).tanh());
        return Guarded.Mm(gate * Guarded.Mm(h, ff.Wi1T), ff.WoT);
    }

    /// <summary>T5's layer norm: x * rsqrt(mean(x²) + eps) * weight, no mean subtraction, no bias.</summary>
    private Tensor Norm(Tensor x, Tensor weight) => weight * (x * (x.pow(2).mean([-1], keepdim: true) + config.LayerNormEpsilon).rsqrt());

    /// <summary>Rows [batch * length, parts * inner] split into parts of [batch, heads, length, d_kv].</summary>
    private Tensor[] Heads(Tensor rows, long batch, long length, int parts)
    {
        var split = rows.view(batch, length, parts, _heads, _dKv).permute(2, 0, 3, 1, 4);
        return [.. Enumerable.Range(0, parts).Select(p => split[p])];
    }

    /// <summary>[1, heads, queries, keys] bias from the [buckets, heads] table, query i at position <paramref name="first"/> + i.</summary>
    private Tensor PositionBias(Tensor table, long queries, long keys, long first, bool bidirectional)
    {
        var buckets = new long[queries * keys];
        for (var i = 0; i < queries; i++)
            for (var j = 0; j < keys; j++)
                buckets[i * keys + j] = RelativePosition.Bucket((int)(j - (first + i)), bidirectional,
                    config.RelativeAttentionNumBuckets, config.RelativeAttentionMaxDistance);
        return table.index_select(0, tensor(buckets, [queries * keys], device: device)).view(queries, keys, _heads).permute(2, 0, 1).unsqueeze(0);
    }

    public void Dispose() => weights.Dispose();
}
