using Harness.Backends;
using Harness.Plugins.MlNet.Model;
using Harness.Plugins.MlNet.Training;
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

    private static readonly BackendOption<string?> TrainOption = BackendOption.Optional("train",
        "The train split (dataset JSON Lines) to learn from; required unless 'model' is given.");
    private static readonly BackendOption<string?> FiltersOption = BackendOption.Optional("filters",
        "The filter catalogue the filter-name classifier chooses from.", "filters.txt beside 'train'");
    private static readonly BackendOption<string?> ModelOption = BackendOption.Optional("model",
        "A model file this plugin saved (a zip in the cache folder): loaded instead of training.");
    private static readonly BackendOption<string> CacheOption = BackendOption.Text("cache",
        "Folder of trained models, one file per train file SHA-256 and settings; a second run loads instead of training.", "artifacts/mlnet-cache");
    private static readonly BackendOption<string> TrainersOption = BackendOption.Text("trainers",
        "best (each family's held-out winner, see the plugin README), compare (pick on a seeded held-out 10% of train now), one of sdca, lbfgs, fasttree, lightgbm for every family, or family=trainer pairs (used, filter_name, intensity, adjust, selective_adjust).", TrainerChoice.BestName);
    private static readonly BackendOption<int> SeedOption = BackendOption.Int32("seed", "Seed of ML.NET and of the held-out split.", 1, 0);
    private static readonly BackendOption<int> ThreadsOption = BackendOption.Int32("threads",
        "Threads the L-BFGS and tree trainers use; 0 = as many as the machine has (SDCA always runs on one, so its models are reproducible).", 0, 0, 256);
    private static readonly BackendOption<int> WordNgramsOption = BackendOption.Int32("word_ngrams", "Longest word n-gram of the features (1-3).", 2, 1, 3);
    private static readonly BackendOption<int> CharNgramsOption = BackendOption.Int32("char_ngrams",
        "Length of the character n-grams of the features (0 = none, up to 5).", 3, 0, 5);
    private static readonly BackendOption<int> WarmupOption = BackendOption.Int32("warmup_predictions",
        "Predictions of made-up intents run when the backend starts, so calls are timed with the engine's code fully compiled (about 1 s).", 3000, 0, 1_000_000);

    public IReadOnlyList<BackendOptionInfo> Options { get; } =
    [
        TrainOption.Info, FiltersOption.Info, ModelOption.Info, CacheOption.Info, TrainersOption.Info, SeedOption.Info,
        ThreadsOption.Info, WordNgramsOption.Info, CharNgramsOption.Info, WarmupOption.Info, SelectionThresholds.Option.Info,
    ];

    public async Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var seed = SeedOption.Read(options);
        var warmup = WarmupOption.Read(options);
        var modelOption = ModelOption.Read(options);
        // Trained on all of train, validation.jsonl included: thresholds calibrated on it are optimistic.
        var calibrated = SelectionThresholds.Read(options, context);
        StudentModel model;
        if (!string.IsNullOrWhiteSpace(modelOption))
        {
            var path = context.ResolvePath(modelOption);
            model = await Task.Run(() => StudentModel.Load(new MLContext(seed), path), cancellationToken);
            await WarmUpAsync(model, warmup, context, cancellationToken);
            context.Log($"MlNet: loaded {path} (trained from {model.Settings.TrainFile}, trainers {string.Join(",", model.Settings.Trainers.Select(p => $"{p.Key}={p.Value}"))})");
            return new MlNetBackend(model, Info(model), calibrated);
        }
        var train = context.ResolvePath(TrainOption.Read(options) is { Length: > 0 } t ? t
            : throw new BackendException($"{options.Source}: option 'train' (the train split) or 'model' (a saved model file) is required."));
        var request = new TrainRequest(
            train,
            FiltersOption.Read(options) is { Length: > 0 } f ? context.ResolvePath(f) : Path.Combine(Path.GetDirectoryName(train)!, "filters.txt"),
            context.ResolvePath(CacheOption.Read(options)),
            new FeatureSettings(WordNgramsOption.Read(options), CharNgramsOption.Read(options)),
            TrainerChoice.Parse(TrainersOption.Read(options), options.Source),
            seed,
            ThreadsOption.Read(options));
        var builder = new StudentBuilder(context.Log);
        model = await Task.Run(() => builder.Build(request, cancellationToken), cancellationToken);
        await WarmUpAsync(model, warmup, context, cancellationToken);
        return new MlNetBackend(model, Info(model), calibrated);
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
        new("MlNet", $"mlnet:{model.Settings.TrainFile}:{Path.GetFileName(model.Path)}", FileHash.Sha256(model.Path), "cpu", SupportsBatching: false);
}
