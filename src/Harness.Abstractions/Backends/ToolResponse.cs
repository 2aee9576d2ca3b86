namespace Harness.Backends;

/// <summary>What a backend produced for one <see cref="ToolRequest"/>.</summary>
/// <param name="Text">The raw output text, parsed later by the harness; null when the call failed.</param>
/// <param name="InputTokens">Prompt tokens the model consumed (0 if unknown).</param>
/// <param name="OutputTokens">Tokens the model generated (0 if unknown).</param>
/// <param name="Error">Why this call failed, or null. A failed call counts as "tool not used" and is reported.</param>
public sealed record ToolResponse(string? Text, int InputTokens, int OutputTokens, string? Error = null)
{
    /// <summary>A failed call with the reason.</summary>
    public static ToolResponse Failed(string error) => new(null, 0, 0, error);
}
