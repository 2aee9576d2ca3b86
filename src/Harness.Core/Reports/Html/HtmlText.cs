using System.Text;

namespace Harness.Reports.Html;

/// <summary>Escaping for text and attribute values in the HTML report.</summary>
internal static class HtmlText
{
    /// <summary>Escapes <c>&amp; &lt; &gt; " '</c>; everything else is written as is (the file is UTF-8).</summary>
    public static string E(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var s = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            s.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return s.ToString();
    }
}
