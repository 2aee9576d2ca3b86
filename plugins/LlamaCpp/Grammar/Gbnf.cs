using System.Text;

namespace Harness.Plugins.LlamaCpp.Grammar;

/// <summary>
/// A GBNF expression (llama.cpp's grammar format) and the most UTF-8 bytes any text it
/// matches can have, so a grammar's longest answer is known without running it.
/// </summary>
internal readonly record struct Gbnf(string Text, int MaxBytes)
{
    public static Gbnf Literal(string text) =>
        new($"\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"", Encoding.UTF8.GetByteCount(text));

    /// <summary>A character class of ASCII characters, such as <c>[0-9]</c>.</summary>
    public static Gbnf Class(string characters) => new($"[{characters}]", 1);

    public static Gbnf Sequence(params Gbnf[] parts) =>
        new(string.Join(" ", parts.Select(p => p.Text)), parts.Sum(p => p.MaxBytes));

    public static Gbnf Choice(params Gbnf[] parts) =>
        new($"({string.Join(" | ", parts.Select(p => p.Text))})", parts.Max(p => p.MaxBytes));

    public Gbnf Optional() => new($"({Text})?", MaxBytes);

    public Gbnf Repeat(int min, int max) => new($"({Text}){{{min},{max}}}", MaxBytes * max);
}
