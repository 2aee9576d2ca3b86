using Harness.Tokenizers;

namespace Harness.Plugins.Shared.T5;

/// <summary>
/// What one decoding step gives: each sequence's most likely next token and, at the first step, each
/// one's <see cref="NotUsedAnswer"/> probability and its most likely token outside the not-used
/// answer's first tokens (<see cref="NotUsedAnswer.BestOther"/>), for calibrated selection.
/// </summary>
internal readonly record struct DecodedStep(long[] Next, double[]? NotUsed = null, long[]? NextUsed = null);

/// <summary>One generated answer: its ids without the final &lt;/s&gt;, and the first step's not-used probability (null when the engine did not give it).</summary>
internal sealed record Generated(int[] Ids, double? NotUsedProbability);

/// <summary>A calibrated first step: the not-used answer and each sequence's threshold on its probability.</summary>
internal sealed record CalibratedStart(NotUsedAnswer NotUsed, double[] Thresholds);

/// <summary>
/// The greedy loop of every T5 engine (Onnx, HfT5, TorchSharp): each sequence starts from the
/// decoder start token and takes the engine's most likely next token at each step, until
/// &lt;/s&gt; (not kept) or <c>max_new_tokens</c>; a finished sequence is fed the pad token while
/// the others of its batch go on, and the loop ends when all are finished. Given calibrated
/// thresholds (<see cref="Harness.Backends.SelectionThresholds"/>), the first step decides instead:
/// a sequence whose not-used probability is at least its threshold answers <c>null</c> and stops;
/// any other takes its best token outside the not-used answer's first tokens, then goes on greedily.
/// </summary>
internal static class GreedyDecoding
{
    /// <summary>
    /// The answer of each of <paramref name="batch"/> sequences; <paramref name="step"/> is the
    /// engine's step: given the step number (0 first) and each sequence's current token, the most
    /// likely next token of each (and at step 0 the not-used probability and best other token of each).
    /// <paramref name="calibrated"/>: each sequence's threshold, or null for plain greedy.
    /// </summary>
    public static Generated[] Run(T5Config config, int batch, int maxNewTokens, Func<int, long[], DecodedStep> step, CalibratedStart? calibrated, CancellationToken cancellationToken)
    {
        var outputs = Enumerable.Range(0, batch).Select(_ => new List<int>()).ToArray();
        var done = new bool[batch];
        double[]? notUsedMass = null;
        var tokens = Enumerable.Repeat((long)config.DecoderStartTokenId, batch).ToArray();
        for (var s = 0; s < maxNewTokens && done.Contains(false); s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (next, probabilities, nextUsed) = step(s, tokens);
            if (s == 0) notUsedMass = probabilities;
            for (var b = 0; b < batch; b++)
            {
                if (done[b]) continue;
                if (s == 0 && calibrated is not null)
                {
                    if (probabilities is null || nextUsed is null)
                        throw new InvalidOperationException("a calibrated first step needs the engine's not-used probabilities and best other tokens");
                    if (probabilities[b] >= calibrated.Thresholds[b])
                    {
                        outputs[b].AddRange(calibrated.NotUsed.AnswerIds);
                        done[b] = true;
                        tokens[b] = config.PadTokenId;
                        continue;
                    }
                    next[b] = nextUsed[b];
                }
                if (next[b] == config.EosTokenId) done[b] = true;
                else outputs[b].Add((int)next[b]);
                tokens[b] = done[b] ? config.PadTokenId : next[b];
            }
        }
        return [.. outputs.Select((o, b) => new Generated([.. o], notUsedMass?[b]))];
    }
}
