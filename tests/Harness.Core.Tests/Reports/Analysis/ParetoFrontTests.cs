using Harness.Reports.Analysis;

namespace Harness.Core.Tests.Reports.Analysis;

public class ParetoFrontTests
{
    [Test]
    public void A_point_is_on_the_front_unless_another_scores_at_least_as_high_for_no_more()
    {
        (double, double)[] points =
        [
            (0.90, 100),  // best score: on the front
            (0.80, 10),   // cheaper than the best: on the front
            (0.70, 50),   // beaten by (0.80, 10) on both
            (0.80, 20),   // same score as (0.80, 10) but dearer
            (0.60, 1),    // cheapest: on the front
            (0.60, 1),    // an exact tie: neither beats the other
        ];

        Assert.That(ParetoFront.Members(points), Is.EqualTo(new[] { true, true, false, false, true, true }));
    }

    [Test]
    public void A_single_point_is_on_the_front_and_no_points_give_no_front()
    {
        Assert.That(ParetoFront.Members([(0.1, 5)]), Is.EqualTo(new[] { true }));
        Assert.That(ParetoFront.Members([]), Is.Empty);
    }

    [Test]
    public void Every_result_that_ran_and_measured_the_axis_is_a_point_except_the_ceiling()
    {
        var run = ReportFixtures.MultiBackendRun();

        var points = ParetoFront.Of(run.Results, ParetoAxis.Latency, run.Baselines);

        Assert.That(points.Select(p => (p.Result.Label, p.Result.Metrics.Run.Scenario, p.OnFront)), Is.EqualTo(new[]
        {
            ("flan-t5-onnx", "single-stream", false),
            ("flan-t5-onnx", "offline", true),
            ("flan-t5-checkpoint", "single-stream", false),
            ("retrieval", "single-stream", true),
        }));
    }
}
