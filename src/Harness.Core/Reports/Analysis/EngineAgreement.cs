using Harness.Datasets;
using Harness.Metrics;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Reports.Analysis;

/// <summary>
/// How far one backend agrees with another that declares the same <c>model_id</c> (the same
/// weights through another engine or file format), on the calls (intent, tool) both made in the
/// same scenario.
/// </summary>
/// <param name="ModelId">The model both declare.</param>
/// <param name="Reference">The label compared against: the group's first backend.</param>
/// <param name="Label">The label compared.</param>
/// <param name="Scenarios">The scenario, or several joined by ", " when the numbers are the same in each.</param>
/// <param name="Calls">Calls both made; 0 when either has no recorded predictions.</param>
/// <param name="SameRaw">Calls whose raw output text is identical (ordinal).</param>
/// <param name="SameParsed">Calls whose parsed settings are identical (a parse failure is "not used").</param>
/// <param name="LargestDifference">The largest |difference| of overall and each tool's final on subset <c>all</c>.</param>
/// <param name="LargestMetric">The metric it is on (<c>overall</c>, <c>adjust.final</c>, ...).</param>
internal sealed record EngineAgreement(
    string ModelId, string Reference, string Label, string Scenarios, int Calls, int SameRaw, int SameParsed, double LargestDifference, string LargestMetric)
{
    /// <summary>Share of calls with identical raw output; null when no calls were compared.</summary>
    public double? SameRawShare => Calls == 0 ? null : (double)SameRaw / Calls;

    /// <summary>Share of calls with identical parsed settings; null when no calls were compared.</summary>
    public double? SameParsedShare => Calls == 0 ? null : (double)SameParsed / Calls;

    /// <summary>Compares two results of the same scenario.</summary>
    public static EngineAgreement Compare(string modelId, BackendRunResult reference, BackendRunResult other)
    {
        var a = ResultCalls.ByRowAndTool(reference.Calls);
        var b = ResultCalls.ByRowAndTool(other.Calls);
        int calls = 0, sameRaw = 0, sameParsed = 0;
        foreach (var (key, call) in a)
        {
            if (!b.TryGetValue(key, out var otherCall)) continue;
            calls++;
            if (string.Equals(call.Raw, otherCall.Raw, StringComparison.Ordinal)) sameRaw++;
            if (Equals(call.Parsed.Setting, otherCall.Parsed.Setting)) sameParsed++;
        }

        var (metric, difference) = Metrics(reference.Metrics.Subset(Subsets.AllRows))
            .Zip(Metrics(other.Metrics.Subset(Subsets.AllRows)), (x, y) => (x.Name, Difference: Math.Abs(y.Value - x.Value)))
            .MaxBy(d => d.Difference);
        return new EngineAgreement(modelId, reference.Label, other.Label, reference.Metrics.Run.Scenario, calls, sameRaw, sameParsed, difference, metric);
    }

    // The metrics a paired comparison reports, by the same names.
    private static IEnumerable<(string Name, double Value)> Metrics(SubsetMetrics all) =>
        [("overall", all.Overall), .. all.Tools.Select(t => ($"{t.Tool.WireName()}.final", t.Final))];
}
