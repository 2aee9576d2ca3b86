using Harness.Tokenizers;

namespace Harness.Plugins.Shared.T5;

/// <summary>What one decoding step gives: each sequence's most likely next token and, at the first step, each one's <see cref="NotUsedAnswer"/> probability.</summary>
internal readonly record struct DecodedStep(long[] Next, double[]? NotUsed = null);

/// <summary>One generated answer: its ids without the final &lt;/s&gt;, and the first step's not-used probability (null when the engine did not give it).</summary>
internal sealed record Generated(int[] Ids, double? NotUsedProbability);

/// <summary>
/// The greedy loop of every T5 engine (Onnx, HfT5, TorchSharp): each sequence starts from the
/// decoder start token and takes the engine's most likely next token at each step, until
/// &lt;/s&gt; (not kept) or <c>max_new_tokens</c>; a finished sequence is fed the pad token while
/// the others of its batch go on, and the loop ends when all are finished.
/// </summary>
internal static class GreedyDecoding
{
    /// <summary>
    /// The answer of each of <paramref name="batch"/> sequences; <paramref name="step"/> is the
    /// engine's step: given the step number (0 first) and each sequence's current token, the most
    /// likely next token of each (and at step 0 the not-used probability of each).
    /// </summary>
    public static Generated[] Run(T5Config config, int batch, int maxNewTokens, Func<int, long[], DecodedStep> step, CancellationToken cancellationToken)
    {
        var outputs = Enumerable.Range(0, batch).Select(_ => new List<int>()).ToArray();
        var done = new bool[batch];
        double[]? notUsed = null;
        var tokens = Enumerable.Repeat((long)config.DecoderStartTokenId, batch).ToArray();
        for (var s = 0; s < maxNewTokens && done.Contains(false); s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (next, probabilities) = step(s, tokens);
            if (s == 0) notUsed = probabilities;
            for (var b = 0; b < batch; b++)
            {
                if (done[b]) continue;
                if (next[b] == config.EosTokenId) done[b] = true;
                else outputs[b].Add((int)next[b]);
                tokens[b] = done[b] ? config.PadTokenId : next[b];
            }
        }
        return [.. outputs.Select((o, b) => new Generated([.. o], notUsed?[b]))];
    }
}
