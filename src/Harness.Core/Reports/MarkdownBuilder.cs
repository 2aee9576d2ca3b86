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
}
