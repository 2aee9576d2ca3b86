using Harness.Tools;

namespace Harness.Plugins.LlamaCpp.Grammar;

/// <summary>One tool's grammar (<see cref="ToolGrammars"/>) and its longest answer.</summary>
/// <param name="Tool">The tool whose answers it allows.</param>
/// <param name="Text">The GBNF text; its start rule is <c>root</c>.</param>
/// <param name="MaxBytes">The most UTF-8 bytes an answer the grammar allows can have.</param>
internal sealed record ToolGrammar(ToolName Tool, string Text, int MaxBytes)
{
    /// <summary>
    /// The most tokens a constrained answer can take, the end-of-generation token included:
    /// llama.cpp's grammar sampler refuses every other token whose text is empty, so each
    /// one adds at least a byte.
    /// </summary>
    public int MaxTokens => MaxBytes + 1;
}
