using Harness.Tools;
using LLama.Native;

namespace Harness.Plugins.LlamaCpp.Grammar;

/// <summary>
/// Greedy decoding held to a tool's grammar (<see cref="ToolGrammars"/>): one llama.cpp sampler
/// chain (grammar, then greedy) per running sequence, kept for reuse per tool.
/// <see cref="SafeLLamaSamplerChainHandle.Sample"/> both picks the token and accepts it into the
/// grammar; accepting it again would feed the grammar the token twice, which llama.cpp answers
/// by aborting the process, so nothing here ever calls <c>Accept</c>.
/// </summary>
internal sealed class GrammarSamplers(SafeLlamaModelHandle model) : IDisposable
{
    private readonly Dictionary<ToolName, Stack<SafeLLamaSamplerChainHandle>> _free = [];
    private readonly List<SafeLLamaSamplerChainHandle> _all = [];

    /// <summary>A chain at the start of <paramref name="tool"/>'s grammar.</summary>
    public SafeLLamaSamplerChainHandle Rent(ToolName tool)
    {
        if (_free.TryGetValue(tool, out var free) && free.TryPop(out var chain))
        {
            chain.Reset();
            return chain;
        }
        chain = Create(model, tool);
        _all.Add(chain);
        return chain;
    }

    public void Return(ToolName tool, SafeLLamaSamplerChainHandle chain)
    {
        if (!_free.TryGetValue(tool, out var free)) _free[tool] = free = new Stack<SafeLLamaSamplerChainHandle>();
        free.Push(chain);
    }

    /// <summary>A new chain: <paramref name="tool"/>'s grammar, then greedy.</summary>
    public static SafeLLamaSamplerChainHandle Create(SafeLlamaModelHandle model, ToolName tool)
    {
        var chain = SafeLLamaSamplerChainHandle.Create(LLamaSamplerChainParams.Default());
        chain.AddGrammar(model.Vocab, ToolGrammars.For(tool).Text, "root");
        chain.AddGreedySampler();
        return chain;
    }

    public void Dispose()
    {
        foreach (var chain in _all) chain.Dispose();
        _all.Clear();
        _free.Clear();
    }
}
