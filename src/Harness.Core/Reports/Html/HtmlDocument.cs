using System.Text;
using Harness.Datasets;
using Harness.Formatting;
using Harness.Reports.Analysis;
using Harness.Runs;
using Harness.Tools;
using static Harness.Reports.Html.HtmlText;

namespace Harness.Reports.Html;

/// <summary>Assembles the whole self-contained index.html from its sections.</summary>
internal static class HtmlDocument
{
    /// <param name="report">The run.</param>
    /// <param name="galleries">Per backend, its gallery folder relative to the report and its entries; empty when there are none beside the report.</param>
    public static string Render(RunReport report, IReadOnlyList<(string Label, string Folder, IReadOnlyList<GalleryEntry> Entries)>? galleries = null)
    {
        var results = report.Results.ToList();
        var baselines = report.Baselines;
        var ok = results.Where(r => r.Error is null).ToList();
        var backends = BackendScores.Of(results);
        // Per-row detail once per backend: the scenario its scores come from (predictions rarely differ by scenario).
        var perBackend = backends.Where(b => b.Ran).Select(b => b.Scores).ToList();

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<title>{(report.Comparisons is { Count: > 0 } ? "Comparison" : "Evaluation")} report · {E(report.RunId)}</title>\n<style>\n{HtmlStyles.Css}</style>\n</head>\n<body>\n");
        html.Append(Header(report)).Append('\n');
        html.Append("<main>\n");
        html.Append(Section("answer", "The answer", "Each backend's quality once (overall = mean of the three tools' finals on all rows, with its 95% bootstrap interval over intents; a parse failure counts as \"not used\") and, per scenario, its median latency per intent (warm-up excluded) and cost per 1,000 intents. The charts put the overall against latency and cost: ringed points are on the Pareto front, the floor is the baseline every student must beat, the ceiling the best score the data allows (the oracle, where the run has one) and the teacher's own outputs score 1 by construction. Where the run has a floor and a ceiling, \"gap closed\" is the share of the distance from floor to ceiling a backend covers, with its paired-bootstrap interval.",
            AnswerSection.Render(results, baselines, GapClosed.Of(report))));
        if (report.Comparisons is { Count: > 0 } comparisons)
            html.Append(Section("comparison", "Differences", "Each result minus the first, scored on the same rows; an interval that excludes 0 is unlikely to be resampling noise.", ComparisonSection.Render(comparisons, Subsets.AllRows)));
        if (EngineAgreements.Of(results) is { IsEmpty: false } agreements)
            html.Append(Section("agreement", "Cross-engine agreement", "Backends that declare the same model_id run the same weights through another engine or file format; each is compared with its group's first backend on the same calls in the same scenario.", AgreementSection.Render(agreements)));
        html.Append(Section("scores", "Scores per tool (RO1)", "The paper's main table: each tool as (selection F1, quality, final) on all rows and on intents asked at least 3 (r3) and 5 (r5) times; final is the harmonic mean of selection and quality, a negative quality (a backend that inverts the settings) counted as 0, with its 95% interval beneath.",
            ScoreChart.Render([.. backends.Select(b => b.Scores)], baselines) + ScoreTables.Render(backends, baselines)));
        if (PrCurveChart.Render([.. backends.Select(b => b.Scores)]) is { Length: > 0 } curves)
            html.Append(Section("confidence", "Selection confidence", "For backends that report how sure they are that a tool is not used: the precision–recall curve of \"used\" when the rows are ranked by that confidence (all rows), with average precision and ROC AUC and their 95% intervals; the ringed point is what the backend's own answers chose. A curve above the ring means another threshold would select better.", curves));
        if (ImageRows.Of(results) is { Count: > 0 } images)
            html.Append(Section("image", "Image-space difference (ΔE2000)", "What a user would see: each intent's teacher and backend tool calls rendered on the sample photos, and the colour difference between the two renders.", ImageSection.Render(images)));
        if (galleries is { Count: > 0 })
            html.Append(Section("gallery", "Gallery", "Per backend, the intents whose edit looks least like the teacher's, then a seeded sample of the others.", GallerySection.Render(galleries)));
        html.Append(Section("latency", "Latency and throughput", "Per-intent latency percentiles per scenario (single-stream: one intent at a time; offline: batched).", Latency(ok, baselines)));
        html.Append(Section("cost", "Cost per 1,000 intents", "Local models: wall time × hardware price per hour; API models: tokens × price per token.", RunTables.Cost(ok, baselines)));
        html.Append(Section("parse", "Parse failures", "Outputs the app could not apply, by failure kind and by tool.", RunTables.Parse(ok, baselines)));
        var noRows = report.Dataset.Rows.IsEmpty ? "<p class=\"muted\">The dataset rows were not available, so per-row detail is not shown; pass --dataset.</p>" : null;
        html.Append(Section("parameters", "Per-parameter error", "Where the numbers go wrong, for rows where teacher and backend both used the tool.",
            noRows ?? DetailSections.ParameterErrors(report.Dataset, perBackend, baselines, ToolName.Adjust) + DetailSections.ParameterErrors(report.Dataset, perBackend, baselines, ToolName.SelectiveAdjust)));
        html.Append(Section("examples", "Worst examples", "Per tool: lowest cosine (or wrong filter name) among rows both used, then missed (FN) and unexpected (FP) uses.",
            noRows ?? DetailSections.Examples(report.Dataset, perBackend, baselines)));
        html.Append("</main>\n");
        html.Append($"<footer>Written by harness {E(HarnessVersionOf(report))}. Numbers use the invariant culture. Metrics follow the task spec §4–§5; metrics.json and summary.json beside this file hold the same numbers.</footer>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string Header(RunReport report)
    {
        var d = report.Dataset;
        var env = report.Environment;
        var items = new List<(string Key, string Value)>
        {
            ("Dataset", $"{d.Name} · sha256 {Prefix(d.Sha256)} · {Fmt.Int(d.Rows.Length)} rows"),
            ("Backends", Fmt.Int(report.Results.Select(r => r.Label).Distinct(StringComparer.Ordinal).Count()) + " · " + string.Join(", ", report.Results.Select(r => r.Metrics.Run.Scenario).Distinct(StringComparer.Ordinal))),
        };
        if (env is not null)
        {
            items.Add(("Machine", $"{env.Os} · {env.Cpu} × {env.CpuCores}{(env.Gpu is null ? "" : " · " + env.Gpu)}"));
            items.Add(("Software", $".NET {env.DotnetVersion} · harness {env.HarnessVersion}{(env.GitCommit is null ? "" : " · commit " + Prefix(env.GitCommit))}"));
        }

        var started = report.Results.Select(r => r.Metrics.Run.StartedAt).DefaultIfEmpty().Min();
        if (started != default) items.Add(("Started", started.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)));

        var meta = string.Concat(items.Select(i => $"<div><dt>{E(i.Key)}</dt><dd>{E(i.Value)}</dd></div>"));
        var title = report.Comparisons is { Count: > 0 } ? "Comparison report" : "Evaluation report";
        return $"<header><h1>{title}</h1><div class=\"run\">run <code>{E(report.RunId)}</code></div><dl class=\"meta\">{meta}</dl></header>";
    }

    private static string Latency(IReadOnlyList<BackendRunResult> ok, Baselines baselines)
    {
        var charts = new StringBuilder();
        foreach (var scenario in ok.Select(r => r.Metrics.Run.Scenario).Distinct(StringComparer.Ordinal))
        {
            var chart = LatencyChart.Render(scenario, [.. ok.Where(r => r.Metrics.Run.Scenario == scenario)]);
            if (chart.Length > 0) charts.Append($"<h3>{E(scenario)}</h3>").Append(chart);
        }

        return charts.Append(RunTables.Latency(ok, baselines)).Append(RunTables.Server(ok, baselines)).ToString();
    }

    private static string Section(string id, string title, string lead, string body) =>
        $"<section id=\"{id}\"><h2>{E(title)}</h2><p class=\"lead\">{E(lead)}</p>\n{body}\n</section>\n";

    private static string Prefix(string sha) => sha.Length > 12 ? sha[..12] : sha;

    private static string HarnessVersionOf(RunReport report) =>
        report.Environment?.HarnessVersion ?? report.Results.Select(r => r.Metrics.Run.HarnessVersion).FirstOrDefault() ?? "";
}
