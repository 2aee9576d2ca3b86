using Harness.Tokenizers;

namespace Harness.Plugins.Shared.T5;

/// <summary>
/// The greedy loop of every T5 engine (Onnx, HfT5, TorchSharp): each sequence starts from the
/// decoder start token and takes the engine's most likely next token at each step, until
/// &lt;/s&gt; (not kept) or <c>max_new_tokens</c>; a finished sequence is fed the pad token while
/// the others of its batch go on, and the loop ends when all are finished.
/// </summary>
internal static class GreedyDecoding
{
    /// <summary>
    /// The generated ids of each of <paramref name="batch"/> sequences, without the final &lt;/s&gt;;
    /// <paramref name="step"/> is the engine's step: given the step number (0 first) and each
    /// sequence's current token, the most likely next token of each.
    /// </summary>
    public static int[][] Run(T5Config config, int batch, int maxNewTokens, Func<int, long[], long[]> step, CancellationToken cancellationToken)
    {
        var outputs = Enumerable.Range(0, batch).Select(_ => new List<int>()).ToArray();
        var done = new bool[batch];
        var tokens = Enumerable.Repeat((long)config.DecoderStartTokenId, batch).ToArray();
        for (var s = 0; s < maxNewTokens && done.Contains(false); s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = step(s, tokens);
            for (var b = 0; b < batch; b++)
            {
                if (done[b]) continue;
                if (next[b] == config.EosTokenId) done[b] = true;
                else outputs[b].Add((int)next[b]);
                tokens[b] = done[b] ? config.PadTokenId : next[b];
            }
        }
        return [.. outputs.Select(o => o.ToArray())];
    }
}
