using Harness.Reports.Analysis;

namespace Harness.Core.Tests.Reports.Analysis;

public class BackendScoresTests
{
    [Test]
    public void A_backend_is_one_entry_whose_scores_come_from_its_first_scenario_that_ran()
    {
        var backends = BackendScores.Of(ReportFixtures.MultiBackendRun().Results);

        Assert.That(backends.Select(b => (b.Label, b.Scores.Metrics.Run.Scenario, b.Scenarios.Length, b.Ran)), Is.EqualTo(new[]
        {
            ("teacher-replay", "single-stream", 1, true),
            ("flan-t5-onnx", "single-stream", 2, true),
            ("flan-t5-checkpoint", "single-stream", 1, true),
            ("retrieval", "single-stream", 1, true),
            ("llama-gguf", "single-stream", 1, false),
        }));
        Assert.That(backends.Select(b => b.ScenarioNote), Is.All.Null);
    }

    [Test]
    public void Scores_that_differ_between_scenarios_are_said_to()
    {
        var run = ReportFixtures.MultiBackendRun();
        var offline = run.Results[2];
        var worse = offline with { Metrics = offline.Metrics with { Subsets = [offline.Metrics.Subsets[0] with { Overall = 0.5 }, .. offline.Metrics.Subsets.Skip(1)] } };

        var onnx = BackendScores.Of([run.Results[1], worse]).Single();

        Assert.That(onnx.ScenarioNote, Is.EqualTo("flan-t5-onnx: scores differ between scenarios (overall single-stream 0.842 with 2 parse failures, offline 0.500 with 2 parse failures); the single-stream scores are shown."));
    }
}
