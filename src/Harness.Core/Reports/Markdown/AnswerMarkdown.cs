using Harness.Datasets;
using Harness.Formatting;
using Harness.Reports.Analysis;
using Harness.Runs;
using Harness.Tools;

using static Harness.Reports.MarkdownBuilder;

namespace Harness.Reports.Markdown;

/// <summary>
/// The Markdown report's first table: one row per backend, its quality once (overall with
/// interval, each tool's final, parse-failure rate) and, per scenario, p50 latency per intent
/// and cost per 1,000 intents.
/// </summary>
internal static class AnswerMarkdown
{
    public static void Render(MarkdownBuilder md, RunReport report)
    {
        var backends = BackendScores.Of(report.Results);
        var scenarios = BackendScores.MeasuredScenarios(report.Results);
        var gaps = GapClosed.Of(report);
        var gapColumn = !gaps.IsEmpty;
        var capacity = CapacityColumn.Of(report.Results);
        md.Line("## The answer").Line();
        md.Line("Quality is shown once per backend (all rows; the same model gives the same answers in every scenario): overall with its 95% interval, each tool's final, and the share of outputs that failed to parse. Beside it, per scenario, the median latency per intent (ms, warm-up excluded) and the cost in USD per 1,000 intents." + (gapColumn ? GapNote : "") + (capacity is null ? "" : CapacityNote)).Line();
        md.Line($"| Backend | Overall | 95% interval | {(gapColumn ? "gap closed | " : "")}{string.Join(" | ", ToolSchema.All.Select(t => t.WireName()))} | parse failures | {string.Join(" | ", scenarios.Select(s => $"{Text(s)} p50 ms | {Text(s)} USD/1k"))} |{(capacity is null ? "" : $" {Text(capacity.Header)} | {Text(CapacityColumn.CostHeader)} |")}");
        md.Line($"|---|---:|---|{(gapColumn ? "---|" : "")}---:|---:|---:|---:|{string.Concat(scenarios.Select(_ => "---:|---:|"))}{(capacity is null ? "" : "---:|---:|")}");
        foreach (var backend in backends)
        {
            var name = Text(backend.Label) + report.Baselines.Suffix(backend.Scores);
            if (!backend.Ran)
            {
                md.Line($"| {name} | failed to run: {Text(backend.Scores.Error ?? "")} |{string.Concat(Enumerable.Repeat(" |", 5 + (gapColumn ? 1 : 0) + 2 * scenarios.Count + (capacity is null ? 0 : 2)))}");
                continue;
            }

            var m = backend.Scores.Metrics;
            var all = m.Subset(Subsets.AllRows);
            var measures = scenarios.Select(s => backend.In(s) is { Error: null } r ? $"{Measure(ParetoAxis.Latency, r)} | {Measure(ParetoAxis.Cost, r)}" : "– | –");
            var gap = !gapColumn ? "" : gaps.TryGetValue(backend.Label, out var share) ? GapClosed.Format(share) + " | " : "– | ";
            md.Line($"| {name} | {Fmt.Score(all.Overall)} | {Fmt.Ci(all.OverallCi95)} | {gap}{string.Join(" | ", ToolSchema.All.Select(t => Fmt.Score(all[t].Final)))} | {Fmt.Percent(m.Parse.Rate)} | {string.Join(" | ", measures)} |{(capacity is null ? "" : $" {capacity.Capacity(backend.Label)} | {capacity.Cost(backend.Label)} |")}");
        }

        foreach (var note in backends.Select(b => b.ScenarioNote).OfType<string>())
            md.Line().Line($"**Note:** {Text(note)}");
        Pareto(md, report);
    }

    private static void Pareto(MarkdownBuilder md, RunReport report)
    {
        var baselines = report.Baselines;
        var fronts = ParetoAxis.Both.Select(axis => ParetoFront.Of(report.Results, axis, baselines).ToDictionary(p => p.Result)).ToList();
        var points = report.Results.Where(r => fronts.Any(f => f.ContainsKey(r)))
            .OrderByDescending(r => r.Metrics.Subset(Subsets.AllRows).Overall).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        if (points.Count == 0) return;

        var floor = baselines.FloorOf(report.Results);
        md.Line().Line("### Pareto front").Line();
        md.Line($"One point per backend and scenario, sorted by overall. A point is on the front when no other scores at least as high for no more latency (or cost) and is better in one. Reference lines: the floor{(floor is null ? " (no floor backend in this run)" : $", {Text(floor.Label)} at {Fmt.Score(floor.Metrics.Subset(Subsets.AllRows).Overall)}")}{Upper(report)}, which are not candidates.").Line();
        md.Line("| Backend | Scenario | Overall | p50 ms/intent | on the front (latency) | USD / 1k intents | on the front (cost) |").Line("|---|---|---:|---:|---|---:|---|");
        foreach (var r in points)
        {
            var cells = ParetoAxis.Both.Select((axis, i) => fronts[i].TryGetValue(r, out var p) ? $"{axis.Format(p.Measure)} | {(p.OnFront ? "**yes**" : "no")}" : "– | –");
            md.Line($"| {Text(r.Label)}{baselines.Suffix(r)} | {Text(r.Metrics.Run.Scenario)} | {Fmt.Score(r.Metrics.Subset(Subsets.AllRows).Overall)} | {string.Join(" | ", cells)} |");
        }
    }

    private const string CapacityNote = " The server scenario's peak finding adds each backend's capacity (the highest offered rate whose tail latency stayed within the bound; \"≥\" when no rate above it was tried INVALID) and the cost per 1,000 intents at that capacity.";

    private const string GapNote = " \"Gap closed\" is the share of the distance from the floor to the ceiling (the best score the data allows) a backend covers, with its paired-bootstrap 95% interval.";

    // The ceiling (when the run has one) and the teacher, as the chart draws them.
    private static string Upper(RunReport report)
    {
        var (ceiling, teacher) = (report.Baselines.CeilingOf(report.Results), report.Baselines.TeacherOf(report.Results));
        var teacherText = $"the teacher, {Text(teacher?.Label ?? "the ground truth")} at {Fmt.Score(1)}";
        if (ceiling is null) return $", and {teacherText}";
        var ceilingText = $"the ceiling, {Text(ceiling.Label)} at {Fmt.Score(ceiling.Metrics.Subset(Subsets.AllRows).Overall)}";
        return ceiling == teacher ? $", and {ceilingText}" : $", {ceilingText}, and {teacherText}";
    }

    private static string Measure(ParetoAxis axis, BackendRunResult result) => axis.Value(result.Metrics) is { } v ? axis.Format(v) : "–";
}
