using System.Text;

namespace Harness.Plugins.LlamaCpp.Grammar;

/// <summary>The named rules of one grammar, written in order; a rule is used by its name.</summary>
internal sealed class GbnfRules
{
    private readonly StringBuilder _text = new();

    public Gbnf Rule(string name, Gbnf body)
    {
        _text.Append(name).Append(" ::= ").Append(body.Text).Append('\n');
        return new Gbnf(name, body.MaxBytes);
    }

    /// <summary>
    /// A JSON object whose members are any non-empty subset of <paramref name="members"/>, each
    /// at most once and in the given order, written as a chain of rules (<c>name-i</c>: member
    /// i, then optionally a comma and a later member, or only later members) so the text stays
    /// linear in the number of members and every answer has a bounded length.
    /// </summary>
    public Gbnf OrderedObject(string name, IReadOnlyList<Gbnf> members, Gbnf space)
    {
        Gbnf? rest = null;
        for (var i = members.Count - 1; i >= 0; i--)
        {
            var body = rest is { } later
                ? Gbnf.Choice(Gbnf.Sequence(members[i], Gbnf.Sequence(Gbnf.Literal(","), space, later).Optional()), later)
                : members[i];
            rest = Rule($"{name}-{i}", body);
        }
        return Gbnf.Sequence(Gbnf.Literal("{"), space, rest!.Value, space, Gbnf.Literal("}"));
    }

    public override string ToString() => _text.ToString();
}
