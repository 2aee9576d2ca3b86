using Harness.Backends;
using Harness.Plugins.MlNet.Model;
using Harness.Plugins.MlNet.Training;
using Harness.Plugins.Shared;
using Microsoft.ML;

namespace Harness.Plugins.MlNet;

/// <summary>
/// <c>MlNet</c>: a classic student trained with ML.NET from the train split. Intents become word
/// and character n-gram features; per tool a binary classifier says whether it is used, a
/// multiclass classifier picks the filter from the catalogue, and a regressor per parameter
/// sets the numbers. The trained model is an ML.NET model file, cached by the train file's
/// SHA-256 and the settings.
/// </summary>
public sealed class MlNetBackendFactory : IBackendFactory
{
    public string Name => "MlNet";

    public string Description => "Classic student: ML.NET classifiers and regressors over word and character n-grams of the intent, trained from the train split.";

    public IReadOnlyList<BackendOptionInfo> Options { get; } =
    [
        new("train", "The train split (dataset JSON Lines) to learn from; required unless 'model' is given.", ""),
        new("filters", "The filter catalogue the filter-name classifier chooses from.", "filters.txt beside 'train'"),
        new("model", "A model file this plugin saved (a zip in the cache folder): loaded instead of training.", ""),
        new("cache", "Folder of trained models, one file per train file SHA-256 and settings; a second run loads instead of training.", "artifacts/mlnet-cache"),
        new("trainers", "best (each family's held-out winner, see the plugin README), compare (pick on a seeded held-out 10% of train now), one of sdca, lbfgs, fasttree, lightgbm for every family, or family=trainer pairs (used, filter_name, intensity, adjust, selective_adjust).", TrainerChoice.BestName),
        new("seed", "Seed of ML.NET and of the held-out split.", "1"),
        new("threads", "Threads the L-BFGS and tree trainers use; 0 = as many as the machine has (SDCA always runs on one, so its models are reproducible).", "0"),
        new("word_ngrams", "Longest word n-gram of the features (1-3).", "2"),
        new("char_ngrams", "Length of the character n-grams of the features (0 = none, up to 5).", "3"),
        new("warmup_predictions", "Predictions of made-up intents run when the backend starts, so calls are timed with the engine's code fully compiled (about 1 s).", "3000"),
    ];

    public async Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var seed = options.GetInt32("seed", 1, 0);
        var warmup = options.GetInt32("warmup_predictions", 3000, 0, 1_000_000);
        var modelOption = options.GetString("model");
        StudentModel model;
        if (!string.IsNullOrWhiteSpace(modelOption))
        {
            var path = context.ResolvePath(modelOption);
            model = await Task.Run(() => StudentModel.Load(new MLContext(seed), path), cancellationToken);
            await WarmUpAsync(model, warmup, context, cancellationToken);
            context.Log($"MlNet: loaded {path} (trained from {model.Settings.TrainFile}, trainers {string.Join(",", model.Settings.Trainers.Select(p => $"{p.Key}={p.Value}"))})");
            return new MlNetBackend(model, Info(model));
        }
        var train = context.ResolvePath(options.GetString("train") is { Length: > 0 } t ? t
            : throw new BackendException($"{options.Source}: option 'train' (the train split) or 'model' (a saved model file) is required."));
        var request = new TrainRequest(
            train,
            options.GetString("filters") is { Length: > 0 } f ? context.ResolvePath(f) : Path.Combine(Path.GetDirectoryName(train)!, "filters.txt"),
            context.ResolvePath(options.GetString("cache") ?? "artifacts/mlnet-cache"),
            new FeatureSettings(options.GetInt32("word_ngrams", 2, 1, 3), options.GetInt32("char_ngrams", 3, 0, 5)),
            TrainerChoice.Parse(options.GetString("trainers") ?? TrainerChoice.BestName, options.Source),
            seed,
            options.GetInt32("threads", 0, 0, 256));
        var builder = new StudentBuilder(context.Log);
        model = await Task.Run(() => builder.Build(request, cancellationToken), cancellationToken);
        await WarmUpAsync(model, warmup, context, cancellationToken);
        return new MlNetBackend(model, Info(model));
    }

    private static async Task WarmUpAsync(StudentModel model, int count, BackendContext context, CancellationToken cancellationToken)
    {
        if (count == 0) return;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.Run(() => model.WarmUp(count), cancellationToken);
        context.Log($"MlNet: warmed up with {count} predictions in {clock.Elapsed.TotalSeconds:F1} s");
    }

    // The model is named by the train file it learnt from and its file; the hash is the model file's.
    private static BackendInfo Info(StudentModel model) =>
        new("MlNet", $"mlnet:{model.Settings.TrainFile}:{Path.GetFileName(model.Path)}", JsonLines.Sha256(model.Path), "cpu", SupportsBatching: false);
}
