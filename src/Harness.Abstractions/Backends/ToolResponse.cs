namespace Harness.Backends;

/// <summary>What a backend produced for one <see cref="ToolRequest"/>.</summary>
/// <param name="Text">The raw output text, parsed later by the harness; null when the call failed.</param>
/// <param name="InputTokens">Prompt tokens the model consumed (0 if unknown).</param>
/// <param name="OutputTokens">Tokens the model generated (0 if unknown).</param>
/// <param name="Error">Why this call failed, or null. A failed call counts as "tool not used" and is reported.</param>
/// <param name="NotUsedProbability">
/// The probability, in [0, 1], that the model gives to "this tool is not used" for this call, or null
/// when the backend cannot tell. It does not change how <paramref name="Text"/> is scored; it ranks the
/// calls for the per-tool precision–recall curve, average precision and ROC AUC, where the score of
/// "used" is 1 − this value. A value outside [0, 1], or NaN, makes the call a failed call.
/// <para>
/// For a generative student it is the probability mass, at the first decoding step, of the tokens that
/// begin the model's not-used answer: the softmax probability of the first token of <c>null</c> as the
/// model's tokenizer writes it at the start of an answer, plus that of the end-of-sequence token (an
/// empty answer). Every answer that begins with either reads as "not used" (the parser takes
/// <c>null</c> and an empty answer as not used, and anything else that is not a JSON object as a parse
/// failure, which also counts as not used), so this is the probability of the answers already decided
/// "not used" by the first step, whatever follows; when <c>null</c> spans several tokens only the
/// first one counts, and nothing is teacher-forced. A backend that constrains decoding (a grammar)
/// reports the model's own distribution, before the constraint.
/// </para>
/// <para>
/// A classifier reports its "not used" class probability (1 − P(used)); a nearest-neighbour backend
/// the similarity-weighted share of its neighbours that did not use the tool.
/// </para>
/// </param>
public sealed record ToolResponse(string? Text, int InputTokens, int OutputTokens, string? Error = null, double? NotUsedProbability = null)
{
    /// <summary>A failed call with the reason.</summary>
    public static ToolResponse Failed(string error) => new(null, 0, 0, error);
}
