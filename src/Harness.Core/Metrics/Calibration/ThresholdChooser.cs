using Harness.Backends;

namespace Harness.Metrics.Calibration;

/// <summary>One validation call of a tool: whether the teacher used it, whether the greedy answer did, and the not-used probability.</summary>
/// <param name="TeacherUsed">The label: the teacher used the tool.</param>
/// <param name="GreedyUsed">The plain greedy answer applied a setting.</param>
/// <param name="NotUsedProbability">The call's not-used probability; null when it gave none (a failed call), which stays "not used" at any threshold.</param>
public readonly record struct CalibrationCall(bool TeacherUsed, bool GreedyUsed, double? NotUsedProbability);

/// <summary>
/// Chooses the threshold on the not-used probability that maximises a tool's selection F1
/// ("used" the positive class; a call is predicted used when its probability is below the
/// threshold). The candidates are 0, 1, 0.5 and every midpoint between two consecutive distinct
/// probabilities, so each way of splitting the calls is tried once; among the candidates with the
/// best F1 the one nearest 0.5 wins (the plain decision, so a flat stretch never moves the threshold
/// away from it without cause), and of two equally near the lower.
/// </summary>
public static class ThresholdChooser
{
    /// <summary>The threshold and the selection F1 before (greedy answers) and after (the threshold deciding).</summary>
    public static ToolThreshold Choose(IReadOnlyList<CalibrationCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var distinct = calls.Where(c => c.NotUsedProbability is not null).Select(c => c.NotUsedProbability!.Value).Distinct().Order().ToArray();
        var candidates = new List<double> { 0, 0.5, 1 };
        for (var i = 1; i < distinct.Length; i++) candidates.Add((distinct[i - 1] + distinct[i]) / 2);
        var best = candidates
            .Select(t => (Threshold: t, F1: F1(calls, c => c.NotUsedProbability is { } p && p < t)))
            .OrderByDescending(x => x.F1).ThenBy(x => Math.Abs(x.Threshold - 0.5)).ThenBy(x => x.Threshold)
            .First();
        return new ToolThreshold(best.Threshold, F1(calls, c => c.GreedyUsed), best.F1);
    }

    /// <summary>Selection F1 of the predictions <paramref name="used"/> against the teacher (0 when nothing is predicted or labelled used).</summary>
    internal static double F1(IReadOnlyList<CalibrationCall> calls, Func<CalibrationCall, bool> used)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var call in calls)
        {
            var predicted = used(call);
            if (predicted && call.TeacherUsed) tp++;
            else if (predicted) fp++;
            else if (call.TeacherUsed) fn++;
        }
        var precision = tp + fp == 0 ? 0 : tp / (double)(tp + fp);
        var recall = tp + fn == 0 ? 0 : tp / (double)(tp + fn);
        return Formulas.HarmonicMean(precision, recall);
    }
}
