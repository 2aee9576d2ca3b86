using System.Text;
using Harness.Formatting;
using Harness.Reports.Html;
using Harness.Runs;

namespace Harness.Reports;

/// <summary>
/// What <c>harness history</c> shows of the recorded runs: the trend as text (one table per backend
/// label and model) and the history page with score-over-time and latency-over-time charts.
/// </summary>
public static class HistoryReport
{
    public const string FileName = "history.html";

    private static readonly string[] Header = ["started (UTC)", "run", "scenario", "overall [95% CI]", "p50 ms", "USD/1k intents"];

    /// <summary>
    /// One table per backend label and model (its hash, else its name), oldest run first: start time,
    /// run id, scenario, overall with its 95% interval, p50 latency and cost, and the server capacity
    /// when one of its runs found one (capacities drift between runs); <c>*</c> marks a promoted result.
    /// </summary>
    public static string Table(IReadOnlyList<HistoryEntry> entries)
    {
        if (entries.Count == 0) return "no runs recorded.\n";
        var text = new StringBuilder();
        var groups = entries.GroupBy(e => (e.Label, e.ModelKey)).OrderBy(g => g.Key.Label, StringComparer.Ordinal).ThenBy(g => g.Min(e => e.StartedAt));
        foreach (var group in groups)
        {
            var first = group.First();
            text.Append($"{group.Key.Label} · {first.Backend} · model {group.Key.ModelKey}\n");
            var capacity = group.Any(e => e.CapacityQps is not null);
            var rows = new List<string[]> { capacity ? [.. Header, "capacity/s"] : Header };
            rows.AddRange(group.OrderBy(e => e.StartedAt).ThenBy(e => e.RunId, StringComparer.Ordinal).ThenBy(e => e.Scenario, StringComparer.Ordinal).Select(e => new[]
            {
                HistoryDocument.Date(e.StartedAt), e.RunId + (e.Promoted ? " *" : ""), e.Scenario,
                $"{Fmt.Score(e.Overall)} {Fmt.Ci(e.OverallCi95)}".TrimEnd(),
                e.P50Ms is { } p50 ? Fmt.Ms(p50) : "-", e.UsdPer1kIntents is { } usd ? Fmt.Usd(usd) : "-",
            }.Concat(capacity ? [e.CapacityQps is { } qps ? Fmt.Rate(qps) : "-"] : []).ToArray()));
            var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
            foreach (var row in rows)
                text.Append("  ").Append(string.Join("  ", row.Select((cell, c) => c >= 4 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd()).Append('\n');
            text.Append('\n');
        }

        if (entries.Any(e => e.Promoted)) text.Append("* promoted\n");
        return text.ToString();
    }

    /// <summary>The history page as text; <paramref name="source"/> names the store it was read from.</summary>
    public static string Render(IReadOnlyList<HistoryEntry> entries, string source) => HistoryDocument.Render(entries, source);

    /// <summary>Writes <see cref="FileName"/> into <paramref name="directory"/>, creating it, and returns its path.</summary>
    public static async Task<string> WriteAsync(IReadOnlyList<HistoryEntry> entries, string source, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        await AtomicFile.WriteAllTextAsync(path, Render(entries, source), cancellationToken);
        return path;
    }
}
