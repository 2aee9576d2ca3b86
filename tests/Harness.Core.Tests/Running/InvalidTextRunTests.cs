using Harness.Backends;
using Harness.Core.Tests.Running.Support;
using Harness.Parsing;
using Harness.Plugins;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Core.Tests.Running;

/// <summary>A backend that answers with text that is not well-formed Unicode does not stop a run.</summary>
public class InvalidTextRunTests
{
    private const string OneBackend = "  - label: fake\n    plugin: Fake\n    batch_size: 4";

    // Raw (a C# string with an unpaired surrogate) and escaped. Attribute arguments cannot hold the raw
    // one and the test host drops a test whose name does, so the cases are named in code.
    private static readonly TestCaseData[] Answers =
    [
        new TestCaseData("{\"name\":\"\ud800\",\"intensity\":40}").SetArgDisplayNames("raw U+D800"),
        new TestCaseData("{\"name\":\"\\ud800\",\"intensity\":40}").SetArgDisplayNames("escaped \\ud800"),
    ];

    [TestCaseSource(nameof(Answers))]
    public async Task A_lone_surrogate_in_an_answer_is_an_invalid_text_failure_and_the_run_goes_on(string answer)
    {
        using var run = new RunFixture();
        var odd = run.Dataset.Rows[1].Id;
        var fake = new FakeBackendFactory("Fake", run.Dataset)
        {
            Answer = r => Task.FromResult(r.IntentId == odd && r.Tool == ToolName.Filter ? new ToolResponse(answer, 1, 1) : null),
        };
        var options = run.Options(BackendCatalog.Of(fake));

        var report = await run.RunAsync(run.Config(OneBackend, "warmup: 0\nreports: [markdown, html, json]"), options);

        Assert.That(report.Results, Has.Length.EqualTo(2));
        foreach (var result in report.Results)
        {
            var failed = result.Calls.Single(c => c.Parsed.Failure is not null);
            Assert.That((failed.IntentId, failed.Tool, failed.Parsed.Failure), Is.EqualTo((odd, ToolName.Filter, ParseFailureKind.InvalidText)));
            Assert.That(failed.Raw, Is.EqualTo(answer));
            Assert.That(result.Metrics.Parse.ByKind["invalid_text"], Is.EqualTo(1));
            var dir = RunLayout.ResultDirectory(options.RunDirectory, "fake", result.Metrics.Run.Scenario);
            var stored = CallRecordJson.ReadAll(Path.Combine(dir, RunLayout.PredictionsFile));
            Assert.That(stored.Single(c => c.IntentId == odd && c.Tool == ToolName.Filter).Raw, Is.EqualTo(answer), "stored exactly");
        }
    }
}
