using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Harness.Reports;

/// <summary>One JUnit test case: passed, failed (with a message) or skipped (with a reason).</summary>
public sealed record JUnitCase(string ClassName, string Name, string? Failure = null, string? Skipped = null, string? Output = null);

/// <summary>Writes the JUnit XML that CI systems read: one <c>testsuite</c> holding the given cases.</summary>
public static class JUnitXml
{
    public static string Render(string suite, IReadOnlyList<JUnitCase> cases)
    {
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
        var element = new XElement("testcase", new XAttribute("classname", c.ClassName), new XAttribute("name", c.Name), new XAttribute("time", "0"));
        if (c.Failure is not null)
            element.Add(new XElement("failure", new XAttribute("message", c.Failure), new XAttribute("type", "failure"), c.Failure));
        else if (c.Skipped is not null)
            element.Add(new XElement("skipped", new XAttribute("message", c.Skipped)));
        if (c.Output is not null)
            element.Add(new XElement("system-out", c.Output));
        return element;
    }
}
