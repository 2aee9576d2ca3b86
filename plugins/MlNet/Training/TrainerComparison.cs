using System.Diagnostics;
using Harness.Tools;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Harness.Plugins.MlNet.Training;

/// <summary>One family's score with one trainer on the held-out rows.</summary>
/// <param name="Family">The task family.</param>
/// <param name="Trainer">The trainer's name in <see cref="TrainerCatalog"/>.</param>
/// <param name="Score">The family's measure (<see cref="TrainerComparison.Measure"/>).</param>
/// <param name="Seconds">Training time of the family's models with this trainer.</param>
internal sealed record ComparisonRow(TaskFamily Family, string Trainer, double Score, double Seconds);

/// <summary>
/// Picks a trainer per task family: fits every candidate on a seeded 90% of the train split and
/// scores it on the other 10% by the measure closest to the harness's metric for that family
/// (selection F1, filter-name accuracy, intensity MAE, mean cosine of the rounded parameter vector).
/// The test split is never seen.
/// </summary>
internal sealed class TrainerComparison(MLContext ml, StudentTrainer trainer, FeatureSettings features, Action<string> log)
{
    /// <summary>What each family is scored by, and whether lower is better.</summary>
    public static (string Name, bool LowerIsBetter) Measure(TaskFamily family) => family switch
    {
        TaskFamily.Used => ("mean selection F1 of the 3 tools", false),
        TaskFamily.FilterName => ("accuracy", false),
        TaskFamily.Intensity => ("MAE", true),
        _ => ("mean cosine (quality)", false),
    };

    public IReadOnlyList<ComparisonRow> Run(IReadOnlyList<TrainRow> rows, int seed, CancellationToken cancellationToken)
    {
        var (fit, held) = HeldOut.Split(rows, seed);
        var table = FeatureTable.Fit(ml, features, [.. fit.Select(r => r.Intent)]);
        var heldVectors = table.Transform(ml, [.. held.Select(r => r.Intent)]);
        log($"comparing trainers: {fit.Count} rows to fit, {held.Count} held out (seed {seed})");
        var results = new List<ComparisonRow>();
        foreach (var family in Enum.GetValues<TaskFamily>())
        {
            var tasks = StudentTask.All.Where(t => t.Family == family).ToList();
            foreach (var name in TrainerCatalog.Names(tasks[0].Kind))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var clock = Stopwatch.StartNew();
                var predictors = tasks.Select(t => trainer.FitTask(t, name, table, fit)).ToList();
                var seconds = clock.Elapsed.TotalSeconds;
                var score = Evaluate(family, tasks, predictors, held, heldVectors, table.Dimension);
                results.Add(new ComparisonRow(family, name, score, seconds));
                log($"  {StudentTask.FamilyName(family)} {name}: {Measure(family).Name} {score:F4}, trained in {seconds:F1} s");
            }
        }
        return results;
    }

    /// <summary>The best trainer of each family in <paramref name="results"/>.</summary>
    public static Dictionary<TaskFamily, string> Winners(IReadOnlyList<ComparisonRow> results) =>
        results.GroupBy(r => r.Family).ToDictionary(
            g => g.Key,
            g => (Measure(g.Key).LowerIsBetter ? g.OrderBy(r => r.Score) : g.OrderByDescending(r => r.Score)).First().Trainer);

    private double Evaluate(TaskFamily family, List<StudentTask> tasks, List<ITransformer> predictors, List<TrainRow> held, VBuffer<float>[] vectors, int dimension)
    {
        var input = TaskData.Unlabelled(ml, dimension, vectors);
        switch (family)
        {
            case TaskFamily.Used:
                return tasks.Select((t, k) => HeldOut.F1(
                    predictors[k].Transform(input).GetColumn<float>("Probability").Select(p => p >= 0.5f).ToList(),
                    [.. held.Select(r => t.Number(r) > 0)])).Average();
            case TaskFamily.FilterName:
            {
                var scored = predictors[0].Transform(input);
                var names = ml.Transforms.Conversion.MapKeyToValue("Name", "PredictedLabel").Fit(scored).Transform(scored).GetColumn<string>("Name").ToList();
                var used = Enumerable.Range(0, held.Count).Where(i => held[i].FilterName is not null).ToList();
                return used.Count == 0 ? 0 : used.Count(i => names[i] == held[i].FilterName) / (double)used.Count;
            }
            case TaskFamily.Intensity:
            {
                var scores = predictors[0].Transform(input).GetColumn<float>("Score").ToList();
                var used = Enumerable.Range(0, held.Count).Where(i => held[i].FilterName is not null).ToList();
                return used.Count == 0 ? 0 : used.Average(i => Math.Abs(Numbers.Round(scores[i], ToolSchema.IntensityMin, ToolSchema.IntensityMax) - held[i].FilterIntensity));
            }
            default:
            {
                var columns = predictors.Select(p => p.Transform(input).GetColumn<float>("Score").ToArray()).ToList();
                var used = Enumerable.Range(0, held.Count).Where(i => tasks[0].Includes(held[i])).ToList();
                if (used.Count == 0) return 0;
                return used.Average(i =>
                {
                    var truth = family == TaskFamily.Adjust ? held[i].Adjust! : held[i].Selective!;
                    var predicted = columns.Select(c => (float)Numbers.Round(c[i], ToolSchema.ParameterMin, ToolSchema.ParameterMax)).ToArray();
                    return Numbers.Cosine(predicted, truth);
                });
            }
        }
    }
}
