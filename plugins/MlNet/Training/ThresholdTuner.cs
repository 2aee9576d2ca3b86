using System.Collections.Immutable;
using System.Globalization;
using Harness.Tools;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Harness.Plugins.MlNet.Training;

/// <summary>
/// Chooses each tool's "used" probability threshold: fits the used classifiers on the seeded 90%
/// of the train rows and takes the threshold with the best selection F1 on the held-out 10%
/// (ties go to the one nearest 0.5). F1 rarely peaks at 0.5 when a tool is used by a third or by
/// nine tenths of the rows.
/// </summary>
internal sealed class ThresholdTuner(MLContext ml, StudentTrainer trainer, FeatureSettings features, Action<string> log)
{
    public ImmutableSortedDictionary<string, double> Tune(IReadOnlyList<TrainRow> rows, string usedTrainer, int seed)
    {
        var (fit, held) = HeldOut.Split(rows, seed);
        var table = FeatureTable.Fit(ml, features, [.. fit.Select(r => r.Intent)]);
        var input = TaskData.Unlabelled(ml, table.Dimension, table.Transform(ml, [.. held.Select(r => r.Intent)]));
        var thresholds = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        var usedTasks = StudentTask.All.Where(t => t.Family == TaskFamily.Used).ToList();
        foreach (var (tool, task) in ToolSchema.All.Zip(usedTasks))
        {
            var probabilities = trainer.FitTask(task, usedTrainer, table, fit).Transform(input).GetColumn<float>("Probability").ToList();
            var truth = held.Select(r => task.Number(r) > 0).ToList();
            double F1At(double t) => HeldOut.F1([.. probabilities.Select(p => p >= t)], truth);
            var best = Enumerable.Range(5, 91).Select(k => k / 100.0)
                .OrderByDescending(F1At).ThenBy(t => Math.Abs(t - 0.5)).First();
            thresholds[tool.WireName()] = best;
            log(string.Create(CultureInfo.InvariantCulture,
                $"{tool.WireName()} used at probability >= {best:F2}: held-out F1 {F1At(best):F4} (at 0.50: {F1At(0.5):F4})"));
        }
        return thresholds.ToImmutable();
    }
}
