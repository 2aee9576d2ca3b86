using Harness.Reports;

namespace Harness.Core.Tests.Reports;

/// <summary>Each writer's output on a fixed multi-backend run matches its approved file, under the invariant and a comma-decimal culture.</summary>
public class ReportWriterApprovalTests
{
    private static readonly string[] CultureNames = ["", "de-DE"];

    [TestCaseSource(nameof(CultureNames))]
    public void Html_report_matches_the_approved_file(string culture) =>
        Approvals.Verify(Cultures.Run(culture, () => HtmlReportWriter.Render(ReportFixtures.MultiBackendRun())), "HtmlReport.approved.html");

    [TestCaseSource(nameof(CultureNames))]
    public void Markdown_report_of_a_multi_backend_run_matches_the_approved_file(string culture) =>
        Approvals.Verify(Cultures.Run(culture, () => MarkdownReportWriter.Render(ReportFixtures.MultiBackendRun())), "RunMarkdown.approved.md");

    [TestCaseSource(nameof(CultureNames))]
    public void Summary_json_matches_the_approved_file(string culture) =>
        Approvals.Verify(Cultures.Run(culture, () => SummaryJsonWriter.Serialize(ReportFixtures.MultiBackendRun())), "SummaryJson.approved.json");

    [TestCaseSource(nameof(CultureNames))]
    public void Run_junit_matches_the_approved_file(string culture) =>
        Approvals.Verify(Cultures.Run(culture, () => JUnitReportWriter.Render(ReportFixtures.MultiBackendRun())), "RunJUnit.approved.xml");

    [TestCaseSource(nameof(CultureNames))]
    public void Markdown_report_of_a_server_run_with_peak_finding_matches_the_approved_file(string culture) =>
        Approvals.Verify(Cultures.Run(culture, () => MarkdownReportWriter.Render(ReportFixtures.ServerRun())), "ServerMarkdown.approved.md");

    [TestCaseSource(nameof(CultureNames))]
    public void Html_report_of_a_server_run_with_peak_finding_matches_the_approved_file(string culture) =>
        Approvals.Verify(Cultures.Run(culture, () => HtmlReportWriter.Render(ReportFixtures.ServerRun())), "ServerHtmlReport.approved.html");

    [TestCaseSource(nameof(CultureNames))]
    public void Summary_json_of_a_server_run_with_peak_finding_matches_the_approved_file(string culture) =>
        Approvals.Verify(Cultures.Run(culture, () => SummaryJsonWriter.Serialize(ReportFixtures.ServerRun())), "ServerSummaryJson.approved.json");

    [Test]
    public void Comma_decimal_culture_gives_the_same_html_as_the_invariant_culture()
    {
        var invariant = Cultures.Run("", () => HtmlReportWriter.Render(ReportFixtures.MultiBackendRun()));
        var german = Cultures.Run("de-DE", () => HtmlReportWriter.Render(ReportFixtures.MultiBackendRun()));
        Assert.That(german, Is.EqualTo(invariant));
    }
}
