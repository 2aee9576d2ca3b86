using System.Text.RegularExpressions;
using System.Xml.Linq;
using Harness.Reports;
using Harness.Runs;

namespace Harness.Core.Tests.Reports;

/// <summary>
/// Labels, run ids, model names and error messages that a run folder or a backend can carry,
/// full of markup: report.md, the comparison's report.md and index.html show them as text, and
/// run.junit.xml is still well-formed XML.
/// </summary>
public class HostileTextTests
{
    private const string Label = "<script>alert(1)</script>|`tick`*star*_under_[link](http://x)&amp;$m$~s~\\";
    private const string Error = "failed\nnew line | cell `code` <img src=x onerror=alert(1)> **bold** & \u0007bell";
    private const string RunId = "run <b>|</b> `id`\r\nsecond line";
    private const string Model = "<i>model</i> *name* | `x`";

    private static readonly string[] Hostile = [Label, Error, RunId, Model];

    /// <summary>The fixture run with the hostile strings as one backend's label, the failed backend's error, the run id and a model name.</summary>
    private static RunReport Report(RunReport run) => run with
    {
        RunId = RunId,
        Results =
        [
            .. run.Results.Select(r => r with
            {
                Label = r.Label == "flan-t5-onnx" ? Label : r.Label,
                Error = r.Error is null ? null : Error,
                Metrics = r.Label == "retrieval" ? r.Metrics with { Run = r.Metrics.Run with { Model = Model, Scenario = "single-stream" } } : r.Metrics,
            }),
        ],
        Comparisons = run.Comparisons?.Select(c => c with { Label = c.Label == "flan-t5-onnx" ? Label : c.Label, NoPairingReason = c.NoPairingReason is null ? null : Error }).ToList(),
    };

    [Test]
    public void Report_md_shows_hostile_text_escaped_and_keeps_every_table_row_whole()
    {
        var markdown = MarkdownReportWriter.Render(Report(ReportFixtures.MultiBackendRun()));

        AssertInert(markdown);
        Assert.That(markdown, Does.Contain("# Evaluation report run &lt;b&gt;\\|&lt;/b&gt; \\`id\\`  second line\n"));
        Assert.That(markdown, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;\\|\\`tick\\`\\*star\\*\\_under\\_\\[link\\](http://x)&amp;amp;\\$m\\$\\~s\\~\\\\"));
        Assert.That(markdown, Does.Contain("failed to run: failed new line \\| cell \\`code\\` &lt;img src=x onerror=alert(1)&gt; \\*\\*bold\\*\\* &amp;  bell"));
        Assert.That(markdown, Does.Contain("model &lt;i&gt;model&lt;/i&gt; \\*name\\* \\| \\`x\\`"));
    }

    [Test]
    public void The_comparison_md_shows_hostile_text_escaped_and_keeps_every_table_row_whole()
    {
        var markdown = ComparisonMarkdown.Document(Report(ReportFixtures.ComparisonRun()));

        AssertInert(markdown);
        Assert.That(markdown, Does.StartWith("# Comparison: run &lt;b&gt;\\|&lt;/b&gt; \\`id\\`  second line\n"));
        Assert.That(markdown, Does.Contain("no paired interval: failed new line \\| cell"));
    }

    [Test]
    public void Index_html_shows_hostile_text_as_text()
    {
        var html = HtmlReportWriter.Render(Report(ReportFixtures.MultiBackendRun()));

        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<img").And.Not.Contain("<b>|").And.Not.Contain("<i>model"));
        Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;|`tick`*star*_under_[link](http://x)&amp;amp;$m$~s~\\"));
        Assert.That(html, Does.Contain("&lt;img src=x onerror=alert(1)&gt; **bold** &amp;"));
        Assert.That(html, Does.Contain("run &lt;b&gt;|&lt;/b&gt; `id`"));
    }

    [Test]
    public void Run_junit_xml_stays_well_formed_with_control_characters_and_markup()
    {
        var xml = JUnitReportWriter.Render(Report(ReportFixtures.MultiBackendRun()));

        var document = XDocument.Parse(xml);
        var failure = document.Descendants("failure").Single();
        Assert.That(failure.Attribute("message")!.Value, Does.EndWith("<img src=x onerror=alert(1)> **bold** & \uFFFDbell"));
        Assert.That(document.Descendants("testcase").Select(t => t.Attribute("classname")!.Value), Does.Contain(Label));
    }

    // No hostile string reaches the file raw, no tag opens, and each table row has as many cells as its header.
    private static void AssertInert(string markdown)
    {
        foreach (var text in Hostile)
            Assert.That(markdown, Does.Not.Contain(text));
        Assert.That(markdown, Does.Not.Match("<[A-Za-z/]"), "no HTML tag");
        // (Ordinal: a culture-aware search finds an ignorable control character everywhere.)
        Assert.That(markdown.IndexOfAny(['\u0007', '\r']), Is.EqualTo(-1), "no control character");
        int? cells = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (!line.StartsWith('|'))
            {
                cells = null;
                continue;
            }

            var count = Regex.Count(line, @"(?<!\\)\|");
            cells ??= count;
            Assert.That(count, Is.EqualTo(cells), line);
        }
    }
}
