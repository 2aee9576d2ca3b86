using System.Globalization;
using Harness.Datasets;
using Harness.Reports;
using Harness.Runs;
using Harness.Tests.Support;

namespace Harness.Core.Tests.Reports;

public class MarkdownReportWriterTests
{
    private static RunReport Report()
    {
        var rows = MetricsSamples.Rows();
        var dataset = new Dataset("datasets/tonal-color/test.jsonl", "0f0f", [.. rows], [.. DatasetFixture.Filters]);
        BackendRunResult[] results =
        [
            new("flan-t5-onnx", MetricsSamples.Metrics(measured: true), []),
            new("scored-file", MetricsSamples.Metrics(measured: false), []),
        ];
        var environment = new RunEnvironment("Linux", "Test CPU", 8, null, "10.0.0", "0.1.0", "abc1234");
        return new RunReport("20241002-120000", dataset, [.. results], environment);
    }

    [TestCase("")]
    [TestCase("de-DE")]
    public void Report_matches_the_approved_markdown_in_any_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            Approvals.Verify(MarkdownReportWriter.Render(Report()), "report.approved.md");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public async Task Writer_is_named_markdown_and_writes_report_md()
    {
        var directory = Path.Combine(Path.GetTempPath(), "md-" + Guid.NewGuid().ToString("N"));
        try
        {
            var writer = new MarkdownReportWriter();
            var files = await writer.WriteAsync(Report(), directory, CancellationToken.None);
            Assert.That(writer.Name, Is.EqualTo("markdown"));
            Assert.That(files, Is.EqualTo(new[] { Path.Combine(directory, "report.md") }));
            Assert.That(await File.ReadAllTextAsync(files[0]), Is.EqualTo(MarkdownReportWriter.Render(Report())));
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void A_failed_backend_says_so()
    {
        var report = Report();
        var failed = report with { Results = [report.Results[1] with { Error = "model file not found" }] };
        Assert.That(MarkdownReportWriter.Render(failed), Does.Contain("**This backend failed to run:** model file not found"));
    }
}
