using Harness.Metrics;
using Harness.Reports;
using Harness.Runs;

namespace Harness.Core.Tests.Reports;

public class RunComparerTests
{
    [Test]
    public void Results_on_the_same_rows_get_paired_intervals_against_the_first()
    {
        using var run = new StoredRunBuilder();
        run.Write("a-teacher", StoredRunBuilder.Teacher);
        run.Write("b-degraded", run.SwappedFilters(every: 2));

        var report = RunComparer.Compare([run.RunDirectory], null, new BootstrapOptions(Resamples: 300));

        Assert.That(report.Results.Select(r => r.Label), Is.EqualTo(new[] { "a-teacher", "b-degraded" }));
        var comparison = report.Comparisons!.Single();
        var filter = comparison.Find("all", "filter.final")!;
        Assert.That(filter.A, Is.EqualTo(1.0));
        Assert.That(filter.Difference, Is.LessThan(-0.2));
        Assert.That(filter.Ci95!.Upper, Is.LessThan(0), "a real drop: the interval excludes 0");
        Assert.That(comparison.Find("all", "adjust.final")!.Difference, Is.EqualTo(0));
        Assert.That(report.Dataset.Rows, Has.Length.EqualTo(1000), "the dataset comes from run.json");
    }

    [Test]
    public void Results_on_different_rows_say_plainly_that_no_paired_interval_is_possible()
    {
        using var first = new StoredRunBuilder();
        using var second = new StoredRunBuilder();
        var a = first.Write("teacher", StoredRunBuilder.Teacher);
        var b = second.Write("teacher", StoredRunBuilder.Teacher);
        var metrics = Path.Combine(b, "single-stream", "metrics.json");
        File.WriteAllText(metrics, File.ReadAllText(metrics).Replace(second.Dataset.Sha256, new string('1', 64), StringComparison.Ordinal));

        var report = RunComparer.Compare([a, b], null, new BootstrapOptions(Resamples: 100));

        var comparison = report.Comparisons!.Single();
        Assert.That(comparison.Differences, Is.Null);
        Assert.That(comparison.NoPairingReason, Does.StartWith("the rows differ: dataset sha256"));
        Assert.That(ComparisonMarkdown.Render(report), Does.Contain("no paired interval: the rows differ"));
        Assert.That(HtmlReportWriter.Render(report), Does.Contain("no paired interval: the rows differ"));
    }

    [Test]
    public void Labels_from_several_folders_are_prefixed_to_stay_unique()
    {
        using var first = new StoredRunBuilder();
        using var second = new StoredRunBuilder();
        first.Write("teacher", StoredRunBuilder.Teacher);
        first.Write("retrieval", StoredRunBuilder.Teacher);
        var single = second.Write("teacher", StoredRunBuilder.Teacher);

        var report = RunComparer.Compare([first.RunDirectory, single], null, new BootstrapOptions(Resamples: 100));

        var name = Path.GetFileName(first.RunDirectory);
        Assert.That(report.Results.Select(r => r.Label), Is.EqualTo(new[] { $"{name}/retrieval", $"{name}/teacher", "teacher" }));
    }

    /// <summary>
    /// A backend folder holding both scenarios gives two results: each is named by its scenario, not
    /// numbered; a result folder (named after its scenario) is labelled by its backend.
    /// </summary>
    [Test]
    public void Results_of_one_backend_in_two_scenarios_are_labelled_by_scenario_and_result_folders_by_backend()
    {
        using var first = new StoredRunBuilder();
        using var second = new StoredRunBuilder();
        var plain = first.Write("student", StoredRunBuilder.Teacher);
        first.Write("student", StoredRunBuilder.Teacher, ScenarioNames.Offline);
        var calibrated = second.Write("student-calibrated", StoredRunBuilder.Teacher);

        var byScenario = RunComparer.Compare([plain, calibrated], null, new BootstrapOptions(Resamples: 100));
        var byResult = RunComparer.Compare([Path.Combine(plain, ScenarioNames.Offline), Path.Combine(calibrated, ScenarioNames.SingleStream)], null, new BootstrapOptions(Resamples: 100));

        Assert.That(byScenario.Results.Select(r => r.Label), Is.EqualTo(new[] { "student/single-stream", "student/offline", "student-calibrated" }));
        Assert.That(byResult.Results.Select(r => r.Label), Is.EqualTo(new[] { "student", "student-calibrated" }));
    }

    [Test]
    public void Comparison_markdown_matches_the_approved_file()
    {
        var run = ReportFixtures.MultiBackendRun();
        var report = run with
        {
            Comparisons =
            [
                new ResultComparison("teacher-replay", "flan-t5-onnx", [new MetricDifference("all", "overall", 1, 0.842, -0.158, new Interval(-0.19, -0.12)), new MetricDifference("all", "filter.final", 1, 0.872, -0.128, new Interval(-0.16, -0.1))], null),
                new ResultComparison("teacher-replay", "retrieval", null, "the rows differ: dataset sha256 9f2c4e1ab3d5 vs 000000000000"),
            ],
        };
        Approvals.Verify(Cultures.Run("de-DE", () => ComparisonMarkdown.Render(report)), "ComparisonMarkdown.approved.md");
    }
}
