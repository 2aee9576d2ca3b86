using System.Collections.Frozen;
using Harness.Tools;
using static Harness.Plugins.LlamaCpp.Grammar.Gbnf;

namespace Harness.Plugins.LlamaCpp.Grammar;

/// <summary>
/// The one place the <c>constrain: json</c> grammars come from: one GBNF grammar per tool,
/// generated from <see cref="ToolSchema"/> and nothing else. No grammar is ever built from
/// user input: llama.cpp returns null for a grammar it cannot parse, and LLamaSharp then
/// takes the whole process down. The tests parse each one with llama.cpp.
/// <para>
/// Every answer a grammar allows is one the harness parser (spec §3) applies without a
/// failure: <c>null</c> (not used), or a JSON object with the tool's own keys, each at most
/// once and in canonical order, integer values in range (-100..100, filter intensity 0..100),
/// a filter name of 1-48 letters, digits, <c>_</c> or <c>-</c>. One optional space is allowed
/// where the students put one (after <c>:</c> and <c>,</c>), inside the braces, and before the
/// answer (Llama's first token carries the space the chat template leaves out). So the
/// answers have a bounded length (<see cref="ToolGrammar.MaxTokens"/>).
/// </para>
/// </summary>
internal static class ToolGrammars
{
    private static readonly FrozenDictionary<ToolName, ToolGrammar> Grammars =
        ToolSchema.All.ToFrozenDictionary(t => t, Build);

    public static ToolGrammar For(ToolName tool) => Grammars[tool];

    public static IEnumerable<ToolGrammar> All => ToolSchema.All.Select(For);

    private static ToolGrammar Build(ToolName tool)
    {
        var rules = new GbnfRules();
        var space = Literal(" ").Optional();
        var percent = Choice(Literal("100"), Sequence(Class("1-9").Optional(), Class("0-9")));
        var value = rules.Rule("value", Sequence(Literal("-").Optional(), percent));
        Gbnf Member(string key, Gbnf v) => Sequence(Literal($"\"{key}\":"), space, v);
        var answer = tool switch
        {
            ToolName.Adjust => rules.OrderedObject("adjust", [.. ToolSchema.AdjustParameters.Select(p => Member(p, value))], space),
            ToolName.SelectiveAdjust => rules.OrderedObject("colours", [.. ToolSchema.SelectiveColors.Select(c =>
                Member(c, rules.OrderedObject(c, [.. ToolSchema.SelectiveChannels.Select(ch => Member(ch, value))], space)))], space),
            ToolName.Filter => Filter(rules, Member, space, rules.Rule("intensity", percent)),
            _ => throw new ArgumentOutOfRangeException(nameof(tool), tool, "Unknown tool."),
        };
        var root = rules.Rule("root", Sequence(space, Choice(Literal("null"), answer)));
        return new ToolGrammar(tool, rules.ToString(), root.MaxBytes);
    }

    private static Gbnf Filter(GbnfRules rules, Func<string, Gbnf, Gbnf> member, Gbnf space, Gbnf intensity)
    {
        var name = rules.Rule("name", Sequence(Literal("\""), Class("A-Za-z0-9_"), Class("A-Za-z0-9_-").Repeat(0, 47), Literal("\"")));
        return Sequence(Literal("{"), space, member("name", name),
            Sequence(Literal(","), space, member("intensity", intensity)).Optional(), space, Literal("}"));
    }
}
