using System.Text;

namespace Harness.Reports;

/// <summary>Builds Markdown text with <c>\n</c> line ends on every platform. Callers format numbers invariantly.</summary>
internal sealed class MarkdownBuilder
{
    private readonly StringBuilder _text = new();

    public MarkdownBuilder Line(string line = "")
    {
        _text.Append(line).Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>
    /// The one escape for text a Markdown report did not write itself (labels, run ids, model and
    /// dataset names, environment fields, error messages), in running text, headings and table
    /// cells alike: it renders as exactly that text. Line breaks and other control characters
    /// become spaces, so the text stays on its line and in its table cell; <c>&amp; &lt; &gt;</c>
    /// become entities, so no HTML tag or entity reaches a renderer; and the punctuation Markdown
    /// acts on inside a line (<c>\ ` * _ [ ] | ~ $</c>) is backslash-escaped, so nothing turns into
    /// emphasis, code, a link, math or a new table cell. Never put its result in a code span, where
    /// backslashes and entities show as typed.
    /// </summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '$': escaped.Append('\\').Append(c); break;
                default: escaped.Append(char.IsControl(c) ? ' ' : c); break;
            }
        }

        return escaped.ToString();
    }
}
