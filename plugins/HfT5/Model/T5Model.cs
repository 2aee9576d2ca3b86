using System.Numerics.Tensors;
using Harness.Plugins.Shared.T5;
using Harness.Tokenizers;

namespace Harness.Plugins.HfT5.Model;

/// <summary>
/// T5 v1.1 (FlanT5) inference, one sequence at a time: the encoder runs once, each decoder
/// layer's cross-attention keys and values are computed once from its output, and greedy
/// decoding grows a key/value cache of the decoder's self-attention.
/// </summary>
internal sealed class T5Model(T5Config config, T5Weights weights, int threads)
{
    private readonly Ops _ops = new(threads);
    private readonly int _d = config.DModel;
    private readonly int _inner = config.NumHeads * config.DKv;

    public T5Config Config => config;

    /// <summary>The answer to <paramref name="input"/> (ending with &lt;/s&gt; already): ids without the final &lt;/s&gt;, and the not-used probability.</summary>
    public Generated Generate(int[] input, int maxNewTokens, NotUsedAnswer notUsed, CalibratedStart? calibrated, CancellationToken cancellationToken)
    {
        var encoded = Encode(input);
        var cross = weights.Decoder.Select(layer => (Keys: Project(layer.Cross.K, encoded), Values: Project(layer.Cross.V, encoded))).ToArray();
        var selfKeys = weights.Decoder.Select(_ => new List<float[]>()).ToArray();
        var selfValues = weights.Decoder.Select(_ => new List<float[]>()).ToArray();
        var logits = new float[config.VocabSize];
        return GreedyDecoding.Run(config, 1, maxNewTokens, (step, tokens) =>
        {
            var x = DecodeStep((int)tokens[0], step, cross, selfKeys, selfValues);
            _ops.MatVec(weights.LmHead, x, logits);
            return step == 0
                ? new DecodedStep([Ops.ArgMax(logits)], [notUsed.Probability(logits)], [notUsed.BestOther(logits)])
                : new DecodedStep([Ops.ArgMax(logits)]);
        }, calibrated, cancellationToken)[0];
    }

    private float[][] Encode(int[] input)
    {
        var n = input.Length;
        var x = input.Select(Embed).ToArray();
        var bias = Enumerable.Range(0, n).Select(i => RelativePosition.Bias(weights.EncoderPositionBias, config.NumHeads, i, n, true,
            config.RelativeAttentionNumBuckets, config.RelativeAttentionMaxDistance)).ToArray();
        foreach (var layer in weights.Encoder)
        {
            var h = x.Select(row => Norm(row, layer.AttentionNorm)).ToArray();
            var keys = Project(layer.Attention.K, h);
            var values = Project(layer.Attention.V, h);
            var q = new float[_inner];
            for (var i = 0; i < n; i++)
            {
                _ops.MatVec(layer.Attention.Q, h[i], q);
                AddAttention(x[i], q, keys, values, bias[i], layer.Attention.O);
            }
            foreach (var row in x) FeedForward(row, layer.FeedForwardNorm, layer.FeedForward);
        }
        return [.. x.Select(row => Norm(row, weights.EncoderFinalNorm))];
    }

    private float[] DecodeStep(int token, int position, (List<float[]> Keys, List<float[]> Values)[] cross, List<float[]>[] selfKeys, List<float[]>[] selfValues)
    {
        var x = Embed(token);
        var selfBias = RelativePosition.Bias(weights.DecoderPositionBias, config.NumHeads, position, position + 1, false,
            config.RelativeAttentionNumBuckets, config.RelativeAttentionMaxDistance);
        var q = new float[_inner];
        for (var l = 0; l < weights.Decoder.Length; l++)
        {
            var layer = weights.Decoder[l];
            var h = Norm(x, layer.SelfNorm);
            _ops.MatVec(layer.Self.Q, h, q);
            selfKeys[l].Add(Linear(layer.Self.K, h, _inner));
            selfValues[l].Add(Linear(layer.Self.V, h, _inner));
            AddAttention(x, q, selfKeys[l], selfValues[l], selfBias, layer.Self.O);
            h = Norm(x, layer.CrossNorm);
            _ops.MatVec(layer.Cross.Q, h, q);
            AddAttention(x, q, cross[l].Keys, cross[l].Values, null, layer.Cross.O);
            FeedForward(x, layer.FeedForwardNorm, layer.FeedForward);
        }
        var final = Norm(x, weights.DecoderFinalNorm);
        // A tied head reuses the embedding, so Hugging Face rescales the hidden state first.
        if (config.TieWordEmbeddings) TensorPrimitives.Multiply(final, 1f / MathF.Sqrt(_d), final);
        return final;
    }

    /// <summary>x += O · attention(q over keys/values).</summary>
    private void AddAttention(float[] x, float[] q, List<float[]> keys, List<float[]> values, float[]? bias, float[] o)
    {
        var attended = new float[_inner];
        Attention.Attend(q, keys, values, config.NumHeads, config.DKv, bias, attended);
        var projected = Linear(o, attended, _d);
        TensorPrimitives.Add(x, projected, x);
    }

    /// <summary>x += wo(gelu_new(wi_0 h) * wi_1 h), h = norm(x).</summary>
    private void FeedForward(float[] x, float[] norm, FeedForwardWeights ff)
    {
        var h = Norm(x, norm);
        var gate = Linear(ff.Wi0, h, config.DFf);
        var linear = Linear(ff.Wi1, h, config.DFf);
        Ops.GatedGelu(gate, linear);
        TensorPrimitives.Add(x, Linear(ff.Wo, gate, _d), x);
    }

    private float[] Embed(int id) => weights.Embedding.AsSpan(id * _d, _d).ToArray();

    private float[] Norm(float[] x, float[] weight)
    {
        var y = new float[x.Length];
        Ops.RmsNorm(x, weight, config.LayerNormEpsilon, y);
        return y;
    }

    private float[] Linear(float[] w, float[] x, int rows)
    {
        var y = new float[rows];
        _ops.MatVec(w, x, y);
        return y;
    }

    private List<float[]> Project(float[] w, float[][] rows) => [.. rows.Select(r => Linear(w, r, _inner))];
}
