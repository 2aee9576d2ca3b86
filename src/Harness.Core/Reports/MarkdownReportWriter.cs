using System.Globalization;
using Harness.Datasets;
using Harness.Formatting;
using Harness.Metrics;
using Harness.Reports.Markdown;
using Harness.Runs;
using Harness.Tools;
using static Harness.Reports.MarkdownBuilder;

namespace Harness.Reports;

/// <summary>
/// <c>report.md</c>: first the answer (quality once per backend, latency and cost per scenario, the
/// Pareto front), then any paired differences, cross-engine agreement, the paper's RO1 table, and
/// per backend and scenario the per-tool detail, parse failures by kind and, when measured, latency,
/// throughput and cost. GitHub-flavoured Markdown, invariant numbers.
/// </summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    /// <summary>The file this writer creates in the report folder.</summary>
    public const string FileName = "report.md";

    /// <inheritdoc />
    public string Name => "markdown";

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> WriteAsync(RunReport report, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        await AtomicFile.WriteAllTextAsync(path, Render(report), cancellationToken).ConfigureAwait(false);
        return [path];
    }

    /// <summary>The whole report as Markdown text.</summary>
    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new MarkdownBuilder();
        // Every text the report did not write itself goes through Text (MarkdownBuilder): a run
        // folder's run.json and metrics.json can hold anything.
        md.Line($"# Evaluation report {Text(report.RunId)}").Line();
        var dataset = report.Dataset;
        md.Line($"Dataset {Text(dataset.Name)}: {Fmt.Int(dataset.Rows.Length)} intents, sha256 {Text(dataset.Sha256)}.");
        if (report.Environment is { } env)
            md.Line($"Environment: {Text(env.Os)}, {Text(env.Cpu)} ({Fmt.Int(env.CpuCores)} cores){(env.Gpu is null ? "" : $", {Text(env.Gpu)}")}, .NET {Text(env.DotnetVersion)}, harness {Text(env.HarnessVersion)}{(env.GitCommit is null ? "" : $" at {Text(env.GitCommit)}")}.");
        md.Line().Line("Overall is the mean of the three tools' finals, with its 95% bootstrap interval over intents; higher is better.").Line();
        // The answer first (quality once per backend, latency and cost per scenario), the detail after.
        AnswerMarkdown.Render(md, report);
        if (ComparisonMarkdown.Differences(report) is { Length: > 0 } differences)
            md.Line().Line(differences.TrimEnd('\n'));
        AgreementMarkdown.Render(md, report);
        Ro1Markdown.Render(md, report);
        ImageMarkdown.Render(md, report);
        md.Line().Line("## Details per backend and scenario");
        foreach (var result in report.Results) Backend(md, result);
        return md.ToString();
    }

    private static void Backend(MarkdownBuilder md, BackendRunResult result)
    {
        var m = result.Metrics;
        md.Line().Line($"### {Text(result.Label)} ({Text(m.Run.Scenario)})").Line();
        md.Line($"Backend {Text(m.Run.Backend)}, model {Text(m.Run.Model)}{(m.Run.ModelId is null ? "" : $" (model_id {Text(m.Run.ModelId)})")}, device {Text(m.Run.Device)}, started {m.Run.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}.");
        if (result.Error is not null)
        {
            md.Line().Line($"**This backend failed to run:** {Text(result.Error)}");
            return;
        }

        var all = m.Subsets.FirstOrDefault(s => s.Name == Subsets.AllRows);
        if (all is not null)
        {
            md.Line().Line("#### Per tool (all)").Line();
            md.Line("| tool | precision | recall | selection F1 | quality | quality n | final [95% CI] | filter intensity MAE |")
              .Line("|---|---:|---:|---:|---:|---:|---|---:|");
            foreach (var t in all.Tools)
                md.Line($"| {t.Tool.WireName()} | {Fmt.Score(t.Precision)} | {Fmt.Score(t.Recall)} | {Fmt.Score(t.SelectionF1)} | {Fmt.Score(t.Quality)} | {Fmt.Int(t.QualityN)} | {Fmt.Score(t.Final)} {Fmt.Ci(t.FinalCi95)} | {(t.IntensityMae is { } mae ? Fmt.Mae(mae) : "")} |");
        }

        Parse(md, m.Parse);
        Measured(md, m);
    }

    private static void Parse(MarkdownBuilder md, ParseSummary parse)
    {
        md.Line().Line("#### Parse failures").Line();
        md.Line($"{Fmt.Int(parse.Failures)} of {Fmt.Int(parse.Calls)} outputs failed to parse ({Fmt.Percent(parse.Rate)}) and count as \"not used\"; {Fmt.Int(parse.ClampedValues)} values were clamped into range and {Fmt.Int(parse.UnknownKeys)} unknown keys ignored.");
        md.Line().Line("| failure | count | rate |").Line("|---|---:|---:|");
        foreach (var (kind, count) in parse.ByKind)
            md.Line($"| {Text(kind)} | {Fmt.Int(count)} | {Fmt.Percent(parse.Calls == 0 ? 0 : (double)count / parse.Calls)} |");
        // One call per (intent, tool), so each tool had a third of the calls.
        var callsPerTool = parse.Calls / (double)ToolSchema.All.Length;
        md.Line().Line("| tool | failures | rate |").Line("|---|---:|---:|");
        foreach (var tool in ToolSchema.All)
        {
            var failures = parse.ByTool.GetValueOrDefault(tool.WireName());
            md.Line($"| {tool.WireName()} | {Fmt.Int(failures)} | {Fmt.Percent(callsPerTool == 0 ? 0 : failures / callsPerTool)} |");
        }
    }

    private static string TailInterval(Interval? ms) => ms is null ? "–" : $"[{Fmt.Ms(ms.Lower)}, {Fmt.Ms(ms.Upper)}]";

    private static void Measured(MarkdownBuilder md, EvaluationMetrics m)
    {
        if (m.Latency is { } latency)
        {
            md.Line().Line("#### Latency (ms, warm-up excluded; lower is better)").Line();
            md.Line("| | n | p50 | p90 | p95 | p99 | mean | max |").Line("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (label, s) in new[] { ("per intent", latency.PerIntent), ("per call", latency.PerCall) })
                md.Line($"| {label} | {Fmt.Int(s.Count)} | {Fmt.Ms(s.P50)} | {Fmt.Ms(s.P90)} | {Fmt.Ms(s.P95)} | {Fmt.Ms(s.P99)} | {Fmt.Ms(s.Mean)} | {Fmt.Ms(s.Max)} |");
        }
        if (m.Server is { } server && m.Latency is { } measured)
        {
            var p = measured.PerIntent;
            md.Line().Line("#### Server (open loop, Poisson arrivals; latency from arrival to the third output)").Line();
            md.Line("| offered/s | achieved/s | p50 | p90 | p99 | p99.9 | max | bound | over bound | verdict |").Line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            md.Line($"| {Fmt.Rate(server.OfferedQps)} | {Fmt.Rate(server.AchievedQps)} | {Fmt.Ms(p.P50)} | {Fmt.Ms(p.P90)} | {Fmt.Ms(p.P99)} | {Fmt.Ms(server.P999Ms)} | {Fmt.Ms(p.Max)} | p{Fmt.Num(server.Percentile, 3)} ≤ {Fmt.Ms(server.LatencyBoundMs)} | {Fmt.Percent(server.OverBoundShare)} | {(server.Valid ? "VALID" : "**INVALID**")}: {Text(server.Reason)} |");
            if (server.Peak is { } peak)
            {
                md.Line().Line($"**Capacity at p{Fmt.Num(server.Percentile, 3)} ≤ {Fmt.Ms(server.LatencyBoundMs)} ms: {(peak.CapacityQps is { } c ? (peak.Bracketed ? "" : "at least ") + Fmt.Rate(c) + " intents/s" + (peak.Bracketed ? "" : " (no rate tried was INVALID)") : "none (no rate tried was VALID)")}**; cost at capacity {(peak.UsdPer1kIntentsAtCapacity is { } u ? Fmt.Usd(u) + " USD per 1,000 intents (hardware price per hour ÷ (capacity × 3,600) × 1,000)" : "– (needs usd_per_hour)")}. The row above is the run at it; the probes (a coarse ramp, then bisection):").Line();
                md.Line($"| target/s | achieved/s | p{Fmt.Num(server.Percentile, 3)} ms | its 95% interval (order statistics) | verdict |").Line("|---:|---:|---:|---|---|");
                foreach (var probe in peak.Probes)
                    md.Line($"| {Fmt.Rate(probe.TargetQps)} | {Fmt.Rate(probe.AchievedQps)} | {Fmt.Ms(probe.PercentileMs)} | {TailInterval(probe.PercentileCi95Ms)} | {(probe.Valid ? "VALID" : "INVALID")} |");
            }
            var tail = server.PercentileCi95Ms is { } ci ? $" Its p{Fmt.Num(server.Percentile, 3)} lies in {TailInterval(ci)} ms with 95% confidence (order statistics: a tail measured on this many intents is that uncertain)." : "";
            md.Line().Line($"{Fmt.Int(server.Intents)} intents at a target of {Fmt.Rate(server.TargetQps)}/s over {Fmt.Num(server.DurationSeconds, 1)} s; the load generator issued them at most {Fmt.Ms(server.IssueLagP99Ms)} ms late at p99.{tail} A resumed run times the whole schedule again.");
        }
        if (m.Throughput is { } throughput)
            md.Line().Line($"Throughput: {Fmt.Rate(throughput.IntentsPerSecond)} intents/s, {Fmt.Rate(throughput.OutputTokensPerSecond)} output tokens/s.");
        if (m.Cost is { } cost)
            md.Line().Line($"Cost: {Fmt.Usd(cost.UsdPer1kIntents)} USD per 1,000 intents ({cost.Basis}).");
    }

}
