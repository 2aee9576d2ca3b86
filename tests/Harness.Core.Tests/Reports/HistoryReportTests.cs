using Harness.Metrics;
using Harness.Reports;
using Harness.Runs;

namespace Harness.Core.Tests.Reports;

public class HistoryReportTests
{
    private static HistoryEntry Entry(string run, int day, double overall, double? p50 = 12, Interval? ci = null, string label = "student", string scenario = "single-stream") =>
        new(run, new DateTimeOffset(2026, 11, day, 9, 0, 0, TimeSpan.Zero), label, "Retrieval", "model.bin", "0123456789abcdef", scenario, overall, ci, p50, p50 * 1.5, p50 is null ? null : 0.002, false, "/runs/" + run + "/" + label);

    [Test]
    public void No_entries_say_so_in_the_table_and_on_the_page()
    {
        Assert.That(HistoryReport.Table([]), Is.EqualTo("no runs recorded.\n"));
        Assert.That(HistoryReport.Render([], "history.db"), Does.Contain("No run recorded yet").And.Not.Contain("<svg"));
    }

    [Test]
    public void One_run_scored_without_timing_draws_its_score_and_says_latency_was_not_measured()
    {
        var entries = new[] { Entry("r1", 20, 0.5, p50: null) };

        Assert.That(HistoryReport.Table(entries), Does.Match(@"\n  2026-11-20 09:00  r1   single-stream  0\.500 +- +-\n"), "no interval, latency or cost: dashes");
        var html = HistoryReport.Render(entries, "history.db");
        Assert.That(html, Does.Contain("aria-label=\"Overall score over time, student\"").And.Contain("No latency was measured"));
        Assert.That(html, Does.Not.Contain("NaN").And.Not.Contain("Infinity"));
    }

    [Test]
    public void The_charts_use_one_scenario_per_run_and_the_table_lists_every_scenario()
    {
        var entries = new[]
        {
            Entry("r1", 20, 0.8, ci: new Interval(0.78, 0.82)), Entry("r1", 20, 0.8, p50: 3, scenario: "offline"),
            Entry("r2", 21, 0.85, ci: new Interval(0.83, 0.87)), Entry("r2", 21, 0.85, p50: 2, scenario: "offline"),
        };

        var html = HistoryReport.Render(entries, "history.db");

        Assert.That(html.Split("<circle class=\"point\"").Length - 1, Is.EqualTo(4), "two runs in each of the two charts");
        Assert.That(html, Does.Contain("r1 · single-stream: p50 12.0 ms").And.Not.Contain("r1 · offline: p50"));
        Assert.That(html.Split("<tr><td>").Length - 1, Is.EqualTo(4));
        Assert.That(html, Does.Contain("axis from 0.7"), "the score axis zooms to the values and says where it starts");
    }
}
