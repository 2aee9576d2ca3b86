using System.Globalization;
using System.Text;
using Harness.Formatting;
using Harness.Runs;
using static Harness.Reports.Html.HtmlText;

namespace Harness.Reports.Html;

/// <summary>
/// The run history page (history.html): per backend label, the overall score and the median
/// latency over time, one line per model hash, then every recorded result in a table. Self-contained
/// like the run report (inline CSS and SVG, no scripts, no requests), drawn with its chart code.
/// </summary>
internal static class HistoryDocument
{
    private const string ExtraCss = ".trends{display:flex;flex-wrap:wrap;gap:8px 24px}.trends .chart{flex:1 1 460px;max-width:600px}\n";

    public static string Render(IReadOnlyList<HistoryEntry> entries, string source)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<title>Run history · {E(source)}</title>\n<style>\n{HtmlStyles.Css}{ExtraCss}</style>\n</head>\n<body>\n");
        var runs = entries.Select(e => e.RunId).Distinct(StringComparer.Ordinal).Count();
        var labels = entries.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var meta = $"<div><dt>Runs</dt><dd>{Fmt.Int(runs)}</dd></div><div><dt>Backends</dt><dd>{E(string.Join(", ", labels))}</dd></div>";
        if (entries.Count > 0)
            meta += $"<div><dt>From</dt><dd>{E(Date(entries.Min(e => e.StartedAt)))}</dd></div><div><dt>To</dt><dd>{E(Date(entries.Max(e => e.StartedAt)))}</dd></div>";
        html.Append($"<header><h1>Run history</h1><div class=\"run\">store <code>{E(source)}</code></div><dl class=\"meta\">{meta}</dl></header>\n<main>\n");
        if (entries.Count == 0)
            html.Append("<section><p class=\"muted\">No run recorded yet: harness eval records each finished run, and harness history --rebuild records the run folders already there.</p></section>\n");
        foreach (var label in labels)
            html.Append(Backend(label, [.. entries.Where(e => e.Label == label)]));
        html.Append("</main>\n<footer>Written by harness ").Append(E(Harness.HarnessVersion.Current))
            .Append(". Numbers use the invariant culture; each run folder's metrics.json holds them all, and the store is rebuilt from the folders with harness history --rebuild.</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Backend(string label, IReadOnlyList<HistoryEntry> entries)
    {
        // The charts use one scenario per run (single-stream where it ran): the score is the same
        // predictions' in every scenario, and latencies of different scenarios do not belong on one line.
        var primary = entries.GroupBy(e => e.RunId).Select(g => g.OrderBy(e => e.Scenario == ScenarioNames.SingleStream ? 0 : 1).ThenBy(e => e.Scenario, StringComparer.Ordinal).First()).ToList();
        var models = primary.OrderBy(e => e.StartedAt).Select(e => e.ModelKey).Distinct(StringComparer.Ordinal).ToList();
        string Colour(string model) => Palette.Backends[models.IndexOf(model) % Palette.Backends.Length];
        var score = models.Select(m => new TrendSeries(Name(m), Colour(m), [.. primary.Where(e => e.ModelKey == m).Select(e =>
            new TrendPoint(e.StartedAt, e.Overall, e.OverallCi95?.Lower, e.OverallCi95?.Upper, e.Promoted, $"{e.RunId} · {e.Scenario}: overall {Fmt.Score(e.Overall)} {Fmt.Ci(e.OverallCi95)}{(e.Promoted ? " · promoted" : "")}"))])).ToList();
        var latency = models.Select(m => new TrendSeries(Name(m), Colour(m), [.. primary.Where(e => e.ModelKey == m && e.P50Ms is not null).Select(e =>
            new TrendPoint(e.StartedAt, e.P50Ms!.Value, null, null, e.Promoted, $"{e.RunId} · {e.Scenario}: p50 {Fmt.Ms(e.P50Ms!.Value)} ms"))])).Where(s => s.Points.Count > 0).ToList();

        var body = new StringBuilder("<div class=\"trends\">");
        body.Append(TrendChart.Score(label, score));
        body.Append(latency.Count > 0 ? TrendChart.Latency(label, latency) : "<p class=\"muted\">No latency was measured (scored without being run).</p>");
        body.Append("</div>").Append(Table(entries));
        var lead = $"{Fmt.Int(primary.Count)} run(s), {Fmt.Int(models.Count)} model(s). The charts show {ScenarioNames.SingleStream} where it ran (else the run's other scenario); whiskers are the overall's 95% bootstrap interval; ringed points were promoted. The table lists every scenario.";
        return $"<section id=\"{E("backend-" + label)}\"><h2>{E(label)}</h2><p class=\"lead\">{E(lead)}</p>\n{body}\n</section>\n";
    }

    private static string Table(IReadOnlyList<HistoryEntry> entries)
    {
        var rows = entries.OrderBy(e => e.StartedAt).ThenBy(e => e.RunId, StringComparer.Ordinal).ThenBy(e => e.Scenario, StringComparer.Ordinal).Select(e =>
            $"<tr><td>{E(Date(e.StartedAt))}</td><td><code>{E(e.RunId)}</code>{(e.Promoted ? " <span class=\"muted\">promoted</span>" : "")}</td><td>{E(e.Scenario)}</td><td><code>{E(e.ModelKey)}</code></td>" +
            $"<td class=\"num\">{Fmt.Score(e.Overall)} <span class=\"ci\">{Fmt.Ci(e.OverallCi95)}</span></td><td class=\"num\">{Opt(e.P50Ms, Fmt.Ms)}</td><td class=\"num\">{Opt(e.P95Ms, Fmt.Ms)}</td><td class=\"num\">{Opt(e.UsdPer1kIntents, Fmt.Usd)}</td></tr>");
        return "<table class=\"history\"><thead><tr><th>started (UTC)</th><th>run</th><th>scenario</th><th>model</th><th class=\"num\">overall [95% CI]</th><th class=\"num\">p50 ms</th><th class=\"num\">p95 ms</th><th class=\"num\">USD / 1k intents</th></tr></thead><tbody>"
            + string.Concat(rows) + "</tbody></table>";
    }

    private static string Name(string model) => "model " + model;

    private static string Opt(double? value, Func<double, string> format) => value is { } v ? format(v) : "—";

    internal static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
