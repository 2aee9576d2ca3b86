using Harness.Runs;

namespace Harness.Core.Tests.Reports;

public class BaselinesTests
{
    private static readonly IReadOnlyList<BackendRunResult> Results = ReportFixtures.MultiBackendRun().Results;

    [Test]
    public void Without_a_config_the_floor_is_the_retrieval_backend_and_the_ceiling_the_teacher()
    {
        Assert.That(Baselines.ByName.FloorOf(Results)?.Label, Is.EqualTo("retrieval"));
        Assert.That(Baselines.ByName.CeilingOf(Results)?.Label, Is.EqualTo("teacher-replay"));
    }

    [Test]
    public void A_configured_floor_replaces_recognition_by_name()
    {
        var baselines = new Baselines(Floor: "flan-t5-onnx");

        Assert.That(Results.Where(baselines.IsFloor).Select(r => r.Label).Distinct(), Is.EqualTo(new[] { "flan-t5-onnx" }));
        Assert.That(baselines.FloorOf(Results)?.Metrics.Run.Scenario, Is.EqualTo("single-stream"), "the first of its results");
    }
}
