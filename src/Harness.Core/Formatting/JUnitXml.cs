using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Harness.Formatting;

/// <summary>One JUnit test case: passed, failed (with a message) or skipped (with a reason).</summary>
public sealed record JUnitCase(string ClassName, string Name, string? Failure = null, string? Skipped = null, string? Output = null);

/// <summary>
/// Writes the JUnit XML that CI systems read: one <c>testsuite</c> holding the given cases. Text
/// XML 1.0 cannot hold (most control characters, as a backend's error message may carry) is
/// written as U+FFFD, so the file is always written.
/// </summary>
public static class JUnitXml
{
    public static string Render(string suite, IReadOnlyList<JUnitCase> cases)
    {
        suite = Xml(suite);
        var failures = cases.Count(c => c.Failure is not null);
        var skipped = cases.Count(c => c.Failure is null && c.Skipped is not null);
        var suiteElement = new XElement("testsuite",
            new XAttribute("name", suite),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", skipped),
            cases.Select(Case));
        var root = new XElement("testsuites",
            new XAttribute("name", suite),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", skipped),
            suiteElement);

        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
            new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static XElement Case(JUnitCase c)
    {
        var element = new XElement("testcase", new XAttribute("classname", Xml(c.ClassName)), new XAttribute("name", Xml(c.Name)), new XAttribute("time", "0"));
        if (c.Failure is not null)
            element.Add(new XElement("failure", new XAttribute("message", Xml(c.Failure)), new XAttribute("type", "failure"), Xml(c.Failure)));
        else if (c.Skipped is not null)
            element.Add(new XElement("skipped", new XAttribute("message", Xml(c.Skipped))));
        if (c.Output is not null)
            element.Add(new XElement("system-out", Xml(c.Output)));
        return element;
    }

    private static string Xml(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) kept.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) kept.Append(text, i++, 2);
            else kept.Append('\uFFFD');
        }

        return kept.ToString();
    }
}
