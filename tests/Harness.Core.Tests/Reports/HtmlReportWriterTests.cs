using System.Text.RegularExpressions;
using System.Collections.Immutable;
using Harness.Formatting;
using Harness.Metrics;
using Harness.Metrics.Ranking;
using Harness.Reports;
using Harness.Tools;

namespace Harness.Core.Tests.Reports;

public partial class HtmlReportWriterTests
{
    private static readonly string Html = HtmlReportWriter.Render(ReportFixtures.MultiBackendRun());

    [Test]
    public void Intent_text_is_escaped()
    {
        var run = ReportFixtures.MultiBackendRun();
        var marked = run with { Dataset = run.Dataset with { Rows = [.. run.Dataset.Rows.Select(r => r with { Intent = "<b>bold</b> & \"quoted\" " + r.Intent })] } };
        var html = HtmlReportWriter.Render(marked);
        Assert.That(html, Does.Contain("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; "));
        Assert.That(html, Does.Not.Contain("<b>bold</b>"));
    }

    [Test]
    public void Report_makes_no_external_requests()
    {
        // Only the SVG namespace URI may appear; it is an identifier, never fetched.
        var urls = UrlPattern().Matches(Html).Select(m => m.Value).Where(u => u != "http://www.w3.org/2000/svg").ToList();
        Assert.That(urls, Is.Empty);
        Assert.That(Html, Does.Not.Contain("<link").And.Not.Contain("<script src").And.Not.Contain("<img"));
    }

    [Test]
    public void A_backend_that_reports_confidence_gets_a_PR_curve_per_tool_with_its_greedy_point()
    {
        var run = ReportFixtures.MultiBackendRun();
        var first = run.Results.First(r => r.Error is null);
        var ranking = RankingCalculator.Compute(ToolName.Filter, [0.9, 0.6, 0.2], [true, false, true], 3, new BootstrapOptions(Resamples: 50), 0);
        var subsets = first.Metrics.Subsets.Select(s => s.Name == "all" ? s with { Rankings = [ranking] } : s).ToImmutableArray();
        var marked = run with { Results = [.. run.Results.Select(r => r == first ? r with { Metrics = r.Metrics with { Subsets = subsets } } : r)] };

        var html = HtmlReportWriter.Render(marked);

        Assert.That(html, Does.Contain("<section id=\"confidence\">"));
        Assert.That(Regex.Count(html, "<svg class=\"chart prcurve\""), Is.EqualTo(1), "one chart: only filter has a ranking");
        Assert.That(html, Does.Contain($"{first.Label} greedy: precision {Fmt.Score(first.Metrics.Subset("all")[ToolName.Filter].Precision)}"));
        Assert.That(html, Does.Contain("AP 0.833"));
        Assert.That(Html, Does.Not.Contain("<section id=\"confidence\">"), "no confidence, no section");
    }

    [Test]
    public void Backend_that_failed_to_start_is_shown_with_its_error()
    {
        Assert.That(Html, Does.Contain("failed to run: model file not found: models/llama-2-7b-chat.Q4_K_M.gguf"));
    }

    [Test]
    public void Retrieval_backend_is_marked_as_the_floor()
    {
        Assert.That(Html, Does.Contain("retrieval <span class=\"badge floor\">floor</span>"));
        Assert.That(Html, Does.Contain("floor: retrieval overall 0.611"));
    }

    [Test]
    public void Every_section_is_present()
    {
        foreach (var id in new[] { "answer", "agreement", "scores", "latency", "cost", "parse", "parameters", "examples" })
            Assert.That(Html, Does.Contain($"<section id=\"{id}\">"), id);
        Assert.That(Regex.Count(Html, "<svg "), Is.EqualTo(5), "two Pareto charts, the score chart and one latency chart per scenario");
    }

    [Test]
    public void The_report_opens_with_one_answer_table_showing_quality_once_per_backend()
    {
        var main = Html[Html.IndexOf("<main>", StringComparison.Ordinal)..];
        Assert.That(main.IndexOf("<section id=", StringComparison.Ordinal), Is.EqualTo(main.IndexOf("<section id=\"answer\">", StringComparison.Ordinal)));
        var answer = Section("answer");
        var table = answer[..answer.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.That(Regex.Count(table, "<tr><th scope=\"row\">flan-t5-onnx"), Is.EqualTo(1), "one row for a backend run in two scenarios");
        Assert.That(table, Does.Contain("<th colspan=\"2\" class=\"group\">single-stream</th><th colspan=\"2\" class=\"group\">offline</th>"));
        Assert.That(table, Does.Contain("failed to run: model file not found"));
    }

    [Test]
    public void Pareto_charts_ring_the_front_and_label_the_floor_and_the_teacher()
    {
        var answer = Section("answer");
        Assert.That(Regex.Count(answer, "<svg class=\"chart pareto\""), Is.EqualTo(2), "against latency and against cost");
        Assert.That(answer, Does.Contain(">floor: retrieval 0.611</text>").And.Contain(">teacher: teacher-replay 1.000</text>"));
        Assert.That(answer, Does.Contain("<title>flan-t5-onnx · offline: overall 0.842, latency 31.0 ms · on the Pareto front</title>"));
        Assert.That(answer, Does.Contain("<title>flan-t5-checkpoint · single-stream: overall 0.839, latency 240.0 ms</title>"));
        Assert.That(answer, Does.Not.Contain("<title>teacher-replay ·"), "the teacher is a line, not a point");
    }

    [Test]
    public void Agreement_section_compares_the_engines_of_one_model_id_and_is_left_out_without_one()
    {
        var agreement = Section("agreement");
        Assert.That(agreement, Does.Contain("<td><code>flan-t5-base-distilled</code></td><th scope=\"row\">flan-t5-checkpoint</th><td>flan-t5-onnx</td><td>single-stream</td><td class=\"num\">120</td>"));

        var run = ReportFixtures.MultiBackendRun();
        var undeclared = run with { Results = [.. run.Results.Select(r => r with { Metrics = r.Metrics with { Run = r.Metrics.Run with { ModelId = null } } })] };
        Assert.That(HtmlReportWriter.Render(undeclared), Does.Not.Contain("<section id=\"agreement\">"));
    }

    [Test]
    public void Scores_table_has_each_backend_once_with_all_r3_and_r5_and_the_final_intervals()
    {
        var scores = Section("scores");
        Assert.That(Regex.Count(scores, "<th scope=\"row\" rowspan=\"3\">flan-t5-onnx"), Is.EqualTo(1));
        Assert.That(Regex.Count(scores, "<td>r5</td>"), Is.EqualTo(4), "four backends ran");
        Assert.That(scores, Does.Contain("<div class=\"ci\">[1.000, 1.000]</div>"));
    }

    private static string Section(string id)
    {
        var start = Html.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), id);
        return Html[start..Html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [Test]
    public async Task Writer_writes_index_html_into_the_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "harness-html-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = await new HtmlReportWriter().WriteAsync(ReportFixtures.MultiBackendRun(), folder, CancellationToken.None);
            Assert.That(files, Is.EqualTo(new[] { Path.Combine(folder, "index.html") }));
            Assert.That(await File.ReadAllTextAsync(files[0]), Is.EqualTo(Html));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [GeneratedRegex("https?://[^\"' )<>]+")]
    private static partial Regex UrlPattern();
}
