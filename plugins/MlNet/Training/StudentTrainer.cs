using System.Collections.Immutable;
using System.Diagnostics;
using Harness.Tools;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Harness.Plugins.MlNet.Training;

/// <summary>
/// Trains the student's 31 models on shared intent features and composes them into one
/// ML.NET transformer chain: intent in; per tool a "used" probability, the parameters, the
/// filter name and intensity out (the columns of <see cref="StudentOutput"/>).
/// </summary>
internal sealed class StudentTrainer(MLContext ml, TrainerCatalog trainers, FeatureSettings features, Action<string> log)
{
    /// <summary>Fits every task of <see cref="StudentTask.All"/> with its family's trainer in <paramref name="choice"/>.</summary>
    public ITransformer Train(IReadOnlyList<TrainRow> rows, IReadOnlyDictionary<TaskFamily, string> choice, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var table = FeatureTable.Fit(ml, features, [.. rows.Select(r => r.Intent)]);
        log($"featurised {rows.Count} intents into {table.Dimension} features in {clock.Elapsed.TotalSeconds:F1} s");
        var predictors = new List<(StudentTask Task, ITransformer Predictor)>();
        foreach (var family in Enum.GetValues<TaskFamily>())
        {
            var start = clock.Elapsed;
            var tasks = StudentTask.All.Where(t => t.Family == family).ToList();
            foreach (var task in tasks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                predictors.Add((task, FitTask(task, choice[family], table, rows)));
            }
            log($"trained {tasks.Count} {StudentTask.FamilyName(family)} model(s) with {choice[family]} in {(clock.Elapsed - start).TotalSeconds:F1} s");
        }
        return Compose(table.Featurizer, predictors, rows);
    }

    public ITransformer FitTask(StudentTask task, string trainer, FeatureTable table, IReadOnlyList<TrainRow> rows) =>
        trainers.Fit(task.Kind, trainer, TaskData.Create(ml, task, table.Dimension, rows, table.Vectors));

    // Each predictor writes Score / Probability / PredictedLabel; copy the one that matters to the
    // task's own column before the next predictor hides it, then gather the parameter vectors.
    private TransformerChain<ITransformer> Compose(ITransformer featurizer, List<(StudentTask Task, ITransformer Predictor)> predictors, IReadOnlyList<TrainRow> rows)
    {
        var parts = new List<ITransformer> { featurizer };
        var current = featurizer.Transform(FeatureTable.Input(ml, rows.Take(16).Select(r => r.Intent)));
        void Add(ITransformer part)
        {
            parts.Add(part);
            current = part.Transform(current);
        }
        foreach (var (task, predictor) in predictors)
        {
            Add(predictor);
            Add(task.Kind switch
            {
                TaskKind.Binary => ml.Transforms.CopyColumns(task.Column, "Probability").Fit(current),
                TaskKind.Multiclass => ml.Transforms.Conversion.MapKeyToValue(task.Column, "PredictedLabel").Fit(current),
                _ => ml.Transforms.CopyColumns(task.Column, "Score").Fit(current),
            });
        }
        foreach (var tool in new[] { ToolName.Adjust, ToolName.SelectiveAdjust })
            Add(ml.Transforms.Concatenate(tool.WireName(), [.. tool.VectorParameters().Select(p => StudentTask.ParameterColumn(tool, p))]).Fit(current));
        return new TransformerChain<ITransformer>([.. parts]);
    }

    /// <summary>The same trainer for every family.</summary>
    public static ImmutableDictionary<TaskFamily, string> Everywhere(string trainer) =>
        Enum.GetValues<TaskFamily>().ToImmutableDictionary(f => f, _ => trainer);
}
