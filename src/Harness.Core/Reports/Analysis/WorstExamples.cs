using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Formatting;
using Harness.Metrics;
using Harness.Parsing;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Reports.Analysis;

/// <summary>
/// One row a backend got badly wrong for one tool: the row, the teacher's and the backend's
/// setting as short text, the raw output, and why it is listed (<c>cosine 0.12</c>,
/// <c>wrong filter</c>, <c>missed (FN)</c>, <c>not expected (FP)</c>).
/// </summary>
internal sealed record WorstExample(ToolName Tool, string RowId, string Intent, string Expected, string Produced, string Raw, string Reason);

/// <summary>
/// The worst rows of a result per tool: quality misses first (lowest cosine among TP rows for
/// adjust and selective adjust, a wrong filter name for filter), then selection misses (FN, FP).
/// Ties break on row order so the list is deterministic.
/// </summary>
internal static class WorstExamples
{
    // A cosine that prints as 1.000 is not a miss.
    private const double NearlyOne = 0.9995;

    public static ImmutableArray<WorstExample> Find(ToolName tool, Dataset dataset, BackendRunResult result, int qualityMisses = 3, int selectionMisses = 2)
    {
        var calls = ResultCalls.ByRowAndTool(result.Calls);
        var quality = new List<(double Score, WorstExample Example)>();
        var selection = new List<WorstExample>();
        foreach (var row in dataset.Rows)
        {
            var expected = row.TeacherFor(tool);
            calls.TryGetValue((row.Id, tool), out var call);
            var produced = call?.Parsed.Setting;
            WorstExample Example(string reason) => new(
                tool, row.Id, row.Intent, SettingText.Format(expected), SettingText.Format(produced), SettingText.Raw(call?.Raw), reason);

            if (expected is not null && produced is null)
                selection.Add(Example(call?.Parsed.Failure is { } kind ? $"missed (FN): {kind.WireName()}" : "missed (FN)"));
            else if (expected is null && produced is not null)
                selection.Add(Example("not expected (FP)"));
            else if (expected is VectorSetting ev && produced is VectorSetting pv)
            {
                var cosine = Similarity.Cosine(ev.Values, pv.Values);
                quality.Add((cosine, Example($"cosine {Fmt.Score(cosine)}")));
            }
            else if (expected is FilterSetting ef && produced is FilterSetting pf && Similarity.FilterAccuracy(ef, pf) < 1)
                quality.Add((0, Example("wrong filter")));
        }

        return
        [
            .. quality.Where(q => tool == ToolName.Filter || q.Score < NearlyOne).OrderBy(q => q.Score).Take(qualityMisses).Select(q => q.Example),
            .. selection.Take(selectionMisses),
        ];
    }
}
