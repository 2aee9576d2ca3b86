using Harness.Core.Tests.Running.Support;
using Harness.Plugins;
using Harness.Runs;

namespace Harness.Core.Tests.Reports;

public class RunFolderReportTests
{
    private const string TwoEnginesAndAFloor = """
          - { label: engine-a, plugin: Fake, model_id: same-weights }
          - { label: engine-b, plugin: Fake, model_id: same-weights }
          - { label: lookup, plugin: Fake }
        """;

    [Test]
    public async Task A_rebuilt_report_keeps_the_model_ids_and_the_floor_and_ceiling_the_config_named()
    {
        using var run = new RunFixture(rows: 4);
        var options = run.Options(BackendCatalog.Of(new FakeBackendFactory("Fake", run.Dataset)));
        var config = run.Config(TwoEnginesAndAFloor, "warmup: 0\nreports: []\nscenarios: [offline]\nfloor: lookup\nceiling: engine-a");

        var live = await run.RunAsync(config, options);
        var rebuilt = RunFolderReport.Load(options.RunDirectory, null);

        foreach (var report in new[] { live, rebuilt })
        {
            Assert.That(report.Results.Select(r => (r.Label, r.Metrics.Run.ModelId)),
                Is.EqualTo(new[] { ("engine-a", "same-weights"), ("engine-b", "same-weights"), ("lookup", (string?)null) }));
            Assert.That((report.Floor, report.Ceiling), Is.EqualTo(("lookup", "engine-a")));
        }
    }
}
