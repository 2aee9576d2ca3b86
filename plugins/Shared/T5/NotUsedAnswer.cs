using Harness.Tokenizers;

namespace Harness.Plugins.Shared.T5;

/// <summary>
/// The tokens that begin a T5 student's not-used answer: the first piece of <c>null</c> and
/// &lt;/s&gt; (an empty answer). Their softmax mass at the first decoding step is the call's
/// <see cref="Harness.Backends.ToolResponse.NotUsedProbability"/> (the contract says why).
/// </summary>
internal sealed class NotUsedAnswer
{
    private NotUsedAnswer(int[] firstTokens, int[] answerIds)
    {
        FirstTokens = firstTokens;
        AnswerIds = answerIds;
    }

    /// <summary>The ids whose first-step probabilities are summed, distinct.</summary>
    public IReadOnlyList<int> FirstTokens { get; }

    /// <summary>The ids of <c>null</c> without &lt;/s&gt;: the answer a calibrated "not used" gives.</summary>
    public IReadOnlyList<int> AnswerIds { get; }

    public static NotUsedAnswer Of(T5Tokenizer tokenizer)
    {
        var nullIds = tokenizer.Encode("null");
        return new([.. new[] { nullIds[0], tokenizer.EosId }.Distinct()], [.. nullIds.TakeWhile(id => id != tokenizer.EosId)]);
    }

    /// <summary>The most likely token of one sequence's first-step logits outside <see cref="FirstTokens"/>: a setting's first token.</summary>
    public int BestOther(ReadOnlySpan<float> logits)
    {
        var best = -1;
        for (var v = 0; v < logits.Length; v++)
            if (!FirstTokens.Contains(v) && (best < 0 || logits[v] > logits[best])) best = v;
        return best;
    }

    /// <summary>The mass of <see cref="FirstTokens"/> in one sequence's first-step logits.</summary>
    public double Probability(ReadOnlySpan<float> logits) => FirstStepMass.Of(logits, FirstTokens);
}
