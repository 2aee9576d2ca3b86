using Harness.Metrics;
using Harness.Reports;
using Harness.Reports.Analysis;
using Harness.Runs;

namespace Harness.Core.Tests.Reports.Analysis;

public class GapClosedTests
{
    private static readonly RunReport WithCeiling = ReportFixtures.MultiBackendRun() with { Ceiling = "teacher-replay" };

    [Test]
    public void Each_candidate_gets_its_share_of_the_floor_to_ceiling_gap_from_its_own_predictions()
    {
        var shares = GapClosed.Of(WithCeiling);
        var result = (string label) => WithCeiling.Results.First(r => r.Label == label);
        var expected = PairedBootstrap.GapClosed([.. WithCeiling.Dataset.Rows],
            ResultCalls.Predictions(result("retrieval").Calls), ResultCalls.Predictions(result("teacher-replay").Calls),
            ResultCalls.Predictions(result("flan-t5-onnx").Calls), BootstrapOptions.Default);

        Assert.That(shares.Keys, Is.EquivalentTo(new[] { "flan-t5-onnx", "flan-t5-checkpoint" }), "no share for the reference rows or a failed backend");
        Assert.That(shares["flan-t5-onnx"], Is.EqualTo(expected));
        Assert.That(shares["flan-t5-onnx"].Share, Is.GreaterThan(0).And.LessThan(1));
    }

    [Test]
    public void The_markdown_answer_shows_the_gap_column_only_when_the_run_has_a_floor_and_a_ceiling()
    {
        var share = GapClosed.Of(WithCeiling)["flan-t5-onnx"];
        var markdown = MarkdownReportWriter.Render(WithCeiling);

        Assert.That(markdown, Does.Contain("| Backend | Overall | 95% interval | gap closed | adjust |"));
        Assert.That(markdown, Does.Match($@"\| flan-t5-onnx \| [0-9.]+ \| \[[0-9., ]+\] \| {System.Text.RegularExpressions.Regex.Escape(GapClosed.Format(share))} \|"));
        Assert.That(markdown, Does.Contain("| retrieval (floor) | 0.611 | "));
        Assert.That(MarkdownReportWriter.Render(ReportFixtures.MultiBackendRun()), Does.Not.Contain("gap closed"), "no ceiling in the run, no column");
    }

    [Test]
    public void Shares_are_whole_percentages_with_their_interval() =>
        Assert.That(GapClosed.Format(new GapShare(0.7149, new Interval(-0.051, 1.2))), Is.EqualTo("71% [-5%, 120%]"));
}
