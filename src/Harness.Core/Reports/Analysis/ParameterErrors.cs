using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Reports.Analysis;

/// <summary>
/// Mean absolute error of each canonical parameter of a vector tool over the TP rows
/// (teacher and student both used it). Lower is better; parameters are in [-100, 100].
/// </summary>
/// <param name="Tool">Adjust or selective adjust.</param>
/// <param name="Parameters">Canonical parameter names.</param>
/// <param name="Mae">Mean absolute error per parameter, same order; empty when <paramref name="N"/> is 0.</param>
/// <param name="N">TP rows the means are over.</param>
internal sealed record ParameterErrors(ToolName Tool, ImmutableArray<string> Parameters, ImmutableArray<double> Mae, int N)
{
    public static ParameterErrors Compute(ToolName tool, Dataset dataset, BackendRunResult result)
    {
        var calls = ResultCalls.ByRowAndTool(result.Calls);
        var parameters = tool.VectorParameters();
        var sums = new double[parameters.Length];
        var n = 0;
        foreach (var row in dataset.Rows)
        {
            if (row.TeacherFor(tool) is not VectorSetting expected) continue;
            if (!calls.TryGetValue((row.Id, tool), out var call) || call.Parsed.Setting is not VectorSetting produced) continue;
            for (var i = 0; i < sums.Length; i++)
                sums[i] += Math.Abs(produced.Values[i] - expected.Values[i]);
            n++;
        }

        return new ParameterErrors(tool, parameters, n == 0 ? [] : [.. sums.Select(s => s / n)], n);
    }
}
