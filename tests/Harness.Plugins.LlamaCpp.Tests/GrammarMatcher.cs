using System.Text;
using Harness.Plugins.LlamaCpp.Grammar;
using Harness.Tools;
using LLama.Native;

namespace Harness.Plugins.LlamaCpp.Tests;

/// <summary>
/// Asks llama.cpp's own grammar sampler whether a text is an answer a tool's grammar allows:
/// the text's tokens one at a time, each offered alone to the sampler chain and accepted only
/// once the grammar let it through (accepting a refused token would abort the process), then
/// the end-of-sequence token, which the grammar lets through only when the answer is complete.
/// </summary>
internal static class GrammarMatcher
{
    public static bool Allows(SafeLlamaModelHandle model, ToolName tool, string text)
    {
        using var chain = GrammarSamplers.Create(model, tool);
        foreach (var token in model.Tokenize(text, addBos: false, special: false, Encoding.UTF8))
        {
            if (!Passes(chain, token)) return false;
            chain.Accept(token);
        }
        return Passes(chain, model.Vocab.EOS!.Value);
    }

    private static bool Passes(SafeLLamaSamplerChainHandle chain, LLamaToken token)
    {
        var candidates = new[] { new LLamaTokenData(token, 0, 0) };
        using (LLamaTokenDataArrayNative.Create(new LLamaTokenDataArray(candidates, false), out var native))
            chain.Apply(ref native);
        return !float.IsNegativeInfinity(candidates[0].Logit);
    }
}
