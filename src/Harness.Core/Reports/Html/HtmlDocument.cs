using System.Text;
using Harness.Running;
using Harness.Tools;
using static Harness.Reports.Html.HtmlText;

namespace Harness.Reports.Html;

/// <summary>Assembles the whole self-contained index.html from its sections.</summary>
internal static class HtmlDocument
{
    public static string Render(RunReport report)
    {
        var results = report.Results.ToList();
        var baselines = report.Baselines;
        var ok = results.Where(r => r.Error is null).ToList();
        // Per-row detail once per backend: its first scenario that ran (predictions rarely differ by scenario).
        var perBackend = ok.GroupBy(r => r.Label, StringComparer.Ordinal).Select(g => g.First()).ToList();

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<title>{(report.Comparisons is { Count: > 0 } ? "Comparison" : "Evaluation")} report · {E(report.RunId)}</title>\n<style>\n{HtmlStyles.Css}</style>\n</head>\n<body>\n");
        html.Append(Header(report)).Append('\n');
        html.Append("<main>\n");
        html.Append(Section("overview", "Overview", "Overall = mean of the three tools' finals (subset all); 95% percentile bootstrap interval over intents.", Overview(results, baselines)));
        if (report.Comparisons is { Count: > 0 } comparisons)
            html.Append(Section("comparison", "Differences", "Each result minus the first, scored on the same rows; an interval that excludes 0 is unlikely to be resampling noise.", ComparisonSection.Render(comparisons, "all")));
        html.Append(Section("scores", "Scores", "Each tool as (selection F1, quality, final); final is the harmonic mean of selection and quality. The floor is the retrieval baseline every student should beat.",
            ScoreChart.Render(results, baselines) + ScoreTables.Render(results, baselines, "all", "All rows") + ScoreTables.Render(results, baselines, "r3", "r3: intents asked 3 times or more") + ScoreTables.Render(results, baselines, "r5", "r5: intents asked 5 times or more")));
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

    private static string Overview(IReadOnlyList<BackendRunResult> results, Baselines baselines)
    {
        var ok = results.Where(r => r.Error is null).ToList();
        var cards = new StringBuilder("<div class=\"cards\">");
        var best = ok.Where(r => !baselines.IsFloor(r)).OrderByDescending(r => r.Metrics.Subset("all").Overall).FirstOrDefault()
                   ?? ok.OrderByDescending(r => r.Metrics.Subset("all").Overall).FirstOrDefault();
        if (best is not null) cards.Append(Card("Best overall", best.Metrics.Subset("all").Overall, best, ""));
        var floor = baselines.FloorOf(ok);
        if (floor is not null) cards.Append(Card("Floor (baseline)", floor.Metrics.Subset("all").Overall, floor, ""));
        var fastest = ok.Where(r => r.Metrics.Latency is { PerIntent.Count: > 0 }).OrderBy(r => r.Metrics.Latency!.PerIntent.P95).FirstOrDefault();
        if (fastest is not null)
            cards.Append($"<div class=\"card\"><div class=\"k\">Fastest p95 per intent</div><div class=\"v\">{Fmt.Ms(fastest.Metrics.Latency!.PerIntent.P95)} ms</div><div class=\"s\">{E(fastest.Label)} · {E(fastest.Metrics.Run.Scenario)}</div></div>");
        foreach (var failed in results.Where(r => r.Error is not null))
            cards.Append($"<div class=\"card bad\"><div class=\"k\">Failed to run</div><div class=\"v\">{E(failed.Label)}</div><div class=\"s\">{E(failed.Error)}</div></div>");
        return cards.Append("</div>").ToString();
    }

    private static string Card(string key, double overall, BackendRunResult result, string extra) =>
        $"<div class=\"card\"><div class=\"k\">{E(key)}</div><div class=\"v\">{Fmt.Score(overall)}</div><div class=\"s\">{E(result.Label)} · {E(result.Metrics.Run.Scenario)} · {Fmt.Ci(result.Metrics.Subset("all").OverallCi95)}{extra}</div></div>";

    private static string Latency(IReadOnlyList<BackendRunResult> ok, Baselines baselines)
    {
        var charts = new StringBuilder();
        foreach (var scenario in ok.Select(r => r.Metrics.Run.Scenario).Distinct(StringComparer.Ordinal))
        {
            var chart = LatencyChart.Render(scenario, [.. ok.Where(r => r.Metrics.Run.Scenario == scenario)]);
            if (chart.Length > 0) charts.Append($"<h3>{E(scenario)}</h3>").Append(chart);
        }

        return charts.Append(RunTables.Latency(ok, baselines)).ToString();
    }

    private static string Section(string id, string title, string lead, string body) =>
        $"<section id=\"{id}\"><h2>{E(title)}</h2><p class=\"lead\">{E(lead)}</p>\n{body}\n</section>\n";

    private static string Prefix(string sha) => sha.Length > 12 ? sha[..12] : sha;

    private static string HarnessVersionOf(RunReport report) =>
        report.Environment?.HarnessVersion ?? report.Results.Select(r => r.Metrics.Run.HarnessVersion).FirstOrDefault() ?? "";
}
