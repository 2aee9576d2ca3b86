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

    /// <summary>Text safe inside a table cell: pipes escaped, line breaks as spaces.</summary>
    public static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
