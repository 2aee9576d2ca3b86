using Harness.Tokenizers;

namespace Harness.Plugins.Shared.T5;

/// <summary>
/// The tokens that begin a T5 student's not-used answer: the first piece of <c>null</c> and
/// &lt;/s&gt; (an empty answer). Their softmax mass at the first decoding step is the call's
/// <see cref="Harness.Backends.ToolResponse.NotUsedProbability"/> (the contract says why).
/// </summary>
internal sealed class NotUsedAnswer
{
    private NotUsedAnswer(int[] firstTokens) => FirstTokens = firstTokens;

    /// <summary>The ids whose first-step probabilities are summed, distinct.</summary>
    public IReadOnlyList<int> FirstTokens { get; }

    public static NotUsedAnswer Of(T5Tokenizer tokenizer) =>
        new([.. new[] { tokenizer.Encode("null")[0], tokenizer.EosId }.Distinct()]);

    /// <summary>The mass of <see cref="FirstTokens"/> in one sequence's first-step logits.</summary>
    public double Probability(ReadOnlySpan<float> logits) => FirstStepMass.Of(logits, FirstTokens);
}
