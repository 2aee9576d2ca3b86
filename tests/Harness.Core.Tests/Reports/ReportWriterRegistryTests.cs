using Harness.Reports;
using Harness.Runs;

namespace Harness.Core.Tests.Reports;

public class ReportWriterRegistryTests
{
    [Test]
    public void Names_are_case_insensitive()
    {
        Assert.That(ReportWriterRegistry.Default.Get("HTML"), Is.InstanceOf<HtmlReportWriter>());
    }

    [Test]
    public void Every_built_in_writer_is_registered()
    {
        Assert.That(ReportWriterRegistry.Default.Names, Is.EqualTo(new[] { "html", "json", "junit", "markdown" }));
    }

    [Test]
    public async Task Json_writer_writes_metrics_json_per_result_and_the_summary()
    {
        var folder = Path.Combine(Path.GetTempPath(), "harness-json-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = ReportFixtures.MultiBackendRun();
            var files = await ReportWriterRegistry.Default.Get("json").WriteAsync(run, folder, CancellationToken.None);
            Assert.That(files, Has.Count.EqualTo(run.Results.Length + 1));
            Assert.That(File.Exists(Path.Combine(folder, "flan-t5-onnx", "offline", "metrics.json")));
            Assert.That(MetricsJson.Read(Path.Combine(folder, "retrieval", "single-stream", "metrics.json")).Subset("all").Overall, Is.EqualTo(0.611).Within(1e-9));
            Assert.That(File.Exists(Path.Combine(folder, "summary.json")));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Test]
    public void Unknown_name_is_an_input_error_listing_valid_names()
    {
        var ex = Assert.Throws<InputException>(() => ReportWriterRegistry.Default.Get("pdf"))!;
        Assert.That(ex.Message, Does.Contain("'pdf'").And.Contain("html").And.Contain("json").And.Contain("junit"));
    }

    [Test]
    public async Task Composite_logs_a_failing_writer_and_runs_the_others()
    {
        var log = new StringWriter();
        var ok = new RecordingWriter("ok");
        var composite = new CompositeReportWriter([new ThrowingWriter(new IOException("disk full")), ok], log);
        var files = await composite.WriteAsync(ReportFixtures.MultiBackendRun(), "unused", CancellationToken.None);
        Assert.That(files, Is.EqualTo(new[] { "ok.txt" }));
        Assert.That(log.ToString(), Is.EqualTo("error: report 'broken' could not be written to unused (disk full)" + Environment.NewLine));
        Assert.That(composite.Failures, Has.Count.EqualTo(1));
    }

    [Test]
    public void Composite_never_swallows_cancellation()
    {
        var composite = new CompositeReportWriter([new ThrowingWriter(new OperationCanceledException()), new RecordingWriter("ok")], TextWriter.Null);
        Assert.ThrowsAsync<OperationCanceledException>(() => composite.WriteAsync(ReportFixtures.MultiBackendRun(), "unused", CancellationToken.None));
    }

    private sealed class ThrowingWriter(Exception error) : IReportWriter
    {
        public string Name => "broken";

        public Task<IReadOnlyList<string>> WriteAsync(RunReport report, string directory, CancellationToken cancellationToken) => throw error;
    }

    private sealed class RecordingWriter(string name) : IReportWriter
    {
        public string Name => name;

        public Task<IReadOnlyList<string>> WriteAsync(RunReport report, string directory, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>([$"{name}.txt"]);
    }
}
