using Harness.Reports;

namespace Harness.Core.Tests.Reports;

/// <summary>Each writer's output on a fixed multi-backend run matches its approved file, under the invariant and a comma-decimal culture.</summary>
public class ReportWriterApprovalTests
{
    private static readonly string[] Cultures = ["", "de-DE"];

    [TestCaseSource(nameof(Cultures))]
    public void Html_report_matches_the_approved_file(string culture) =>
        Approvals.Verify("HtmlReport", "html", Approvals.InCulture(culture, () => HtmlReportWriter.Render(ReportFixtures.MultiBackendRun())));

    [TestCaseSource(nameof(Cultures))]
    public void Summary_json_matches_the_approved_file(string culture) =>
        Approvals.Verify("SummaryJson", "json", Approvals.InCulture(culture, () => SummaryJsonWriter.Serialize(ReportFixtures.MultiBackendRun())));

    [TestCaseSource(nameof(Cultures))]
    public void Run_junit_matches_the_approved_file(string culture) =>
        Approvals.Verify("RunJUnit", "xml", Approvals.InCulture(culture, () => JUnitReportWriter.Render(ReportFixtures.MultiBackendRun())));

    [Test]
    public void Comma_decimal_culture_gives_the_same_html_as_the_invariant_culture()
    {
        var invariant = Approvals.InCulture("", () => HtmlReportWriter.Render(ReportFixtures.MultiBackendRun()));
        var german = Approvals.InCulture("de-DE", () => HtmlReportWriter.Render(ReportFixtures.MultiBackendRun()));
        Assert.That(german, Is.EqualTo(invariant));
    }
}
