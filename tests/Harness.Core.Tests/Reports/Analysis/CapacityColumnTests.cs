using Harness.Metrics;
using Harness.Reports;
using Harness.Reports.Analysis;

namespace Harness.Core.Tests.Reports.Analysis;

public class CapacityColumnTests
{
    [Test]
    public void A_run_without_a_server_peak_finding_has_no_capacity_columns()
    {
        var run = ReportFixtures.MultiBackendRun();

        Assert.That(CapacityColumn.Of(run.Results), Is.Null);
        Assert.That(MarkdownReportWriter.Render(run), Does.Not.Contain("capacity at p99"));
        Assert.That(SummaryJsonWriter.Serialize(run), Does.Not.Contain("\"capacity\""));
    }

    [Test]
    public void Each_backend_gets_its_capacity_at_the_bound_and_the_cost_there_and_the_others_a_dash()
    {
        var column = CapacityColumn.Of(ReportFixtures.ServerRun().Results)!;

        Assert.That(column.Header, Is.EqualTo("capacity at p99 ≤ 100 ms"));
        Assert.That(column.Capacity("flan-t5-onnx"), Is.EqualTo("25.00/s"), "bracketed by the INVALID probe at 37.5/s");
        Assert.That(column.Cost("flan-t5-onnx"), Is.EqualTo("0.0011"));
        Assert.That(column.Capacity("retrieval"), Is.EqualTo("≥ 4,000/s"), "no probe above was INVALID: only a lower bound");
        Assert.That(column.Cost("retrieval"), Is.EqualTo("–"), "no hardware price");
        Assert.That(column.Capacity("teacher-replay"), Is.EqualTo("–"));
        Assert.That(column.Cost("teacher-replay"), Is.EqualTo("–"));
    }

    [Test]
    public void No_valid_rate_reads_none()
    {
        var peak = new PeakSummary(null, null, [new ServerProbe(10, 4, 900, false)]);

        Assert.That(CapacityColumn.Capacity(peak), Is.EqualTo("none"));
    }

    [Test]
    public void The_answer_table_and_summary_json_carry_the_two_columns()
    {
        var run = ReportFixtures.ServerRun();
        var markdown = MarkdownReportWriter.Render(run);
        var answer = markdown[markdown.IndexOf("## The answer", StringComparison.Ordinal)..];

        Assert.That(answer, Does.Contain("| capacity at p99 ≤ 100 ms | cost at capacity (USD/1k) |"));
        Assert.That(answer, Does.Contain("| 25.00/s | 0.0011 |"));
        Assert.That(answer, Does.Contain("| ≥ 4,000/s | – |"));
        Assert.That(HtmlReportWriter.Render(run), Does.Contain("<th class=\"num\" title=\"the highest offered rate"));
        Assert.That(SummaryJsonWriter.Serialize(run), Does.Contain("\"capacity\": {\n        \"latency_bound_ms\": 100,\n        \"percentile\": 99,\n        \"qps\": 25,\n        \"bracketed\": true,\n        \"usd_per_1k_intents\": 0.00111\n      }"));
    }
}
