using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Harness.Backends;
using Harness.Plugins.MlNet.Model;
using Harness.Plugins.MlNet.Training;
using Microsoft.ML;

namespace Harness.Plugins.MlNet;

/// <summary>What to train: the train split, its catalogue and the settings that shape the model.</summary>
internal sealed record TrainRequest(string TrainPath, string FiltersPath, string CacheFolder, FeatureSettings Features,
    ImmutableDictionary<TaskFamily, string>? Trainers, int Seed, int Threads);

/// <summary>
/// Gets a trained student: from the cache when one was trained from the same bytes with the
/// same settings, otherwise by training (and comparing trainers first if asked), then saving.
/// </summary>
internal sealed class StudentBuilder(Action<string> log)
{
    public StudentModel Build(TrainRequest request, CancellationToken cancellationToken)
    {
        if (!File.Exists(request.TrainPath))
            throw new BackendException($"{request.TrainPath}: file not found; check option 'train' (relative to the config file).");
        var trainSha = FileHash.Sha256(request.TrainPath);
        if (!File.Exists(request.FiltersPath))
            TrainSet.LoadCatalogue(request.FiltersPath); // throws naming the file
        var settingsKey = string.Create(CultureInfo.InvariantCulture,
            $"word={request.Features.WordNgrams}|char={request.Features.CharNgrams}|seed={request.Seed}|trainers={(request.Trainers is null ? TrainerChoice.CompareName : TrainerChoice.Key(request.Trainers))}");
        var path = ModelCache.PathFor(request.CacheFolder, trainSha, FileHash.Sha256(request.FiltersPath), settingsKey);
        var ml = new MLContext(request.Seed);
        if (File.Exists(path))
        {
            log($"MlNet: loading the model trained earlier from {path}");
            return StudentModel.Load(ml, path);
        }

        var clock = Stopwatch.StartNew();
        var set = TrainSet.Load(request.TrainPath, request.FiltersPath);
        try
        {
            return Train(request, set, ml, path, trainSha, clock, cancellationToken);
        }
        catch (Exception ex) when (ex is not (BackendException or OperationCanceledException))
        {
            // ML.NET refuses some tiny or one-sided splits (a single filter name, a 10% with no used row).
            throw new BackendException($"{request.TrainPath}: training failed ({ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}); a train split of a few hundred rows or more, with every tool used and unused, trains.", ex);
        }
    }

    private StudentModel Train(TrainRequest request, TrainSet set, MLContext ml, string path, string trainSha, Stopwatch clock, CancellationToken cancellationToken)
    {
        log($"MlNet: training on {set.Rows.Length} rows of {request.TrainPath} (no cached model at {path})");
        var catalog = new TrainerCatalog(ml, request.Threads, request.Seed);
        var trainer = new StudentTrainer(ml, catalog, request.Features, m => log("MlNet: " + m));
        var choice = request.Trainers;
        if (choice is null)
        {
            var results = new TrainerComparison(ml, trainer, request.Features, m => log("MlNet: " + m)).Run(set.Rows, request.Seed, cancellationToken);
            choice = TrainerComparison.Winners(results).ToImmutableDictionary();
            log($"MlNet: winners {TrainerChoice.Key(choice)}");
        }
        var thresholds = new ThresholdTuner(ml, trainer, request.Features, m => log("MlNet: " + m)).Tune(set.Rows, choice[TaskFamily.Used], request.Seed);
        var chain = trainer.Train(set.Rows, choice, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var settings = new ModelSettings(
            ModelSettings.CurrentFormat, Path.GetFileName(request.TrainPath), trainSha, set.Rows.Length,
            request.Features.WordNgrams, request.Features.CharNgrams, request.Seed,
            choice.ToImmutableSortedDictionary(p => StudentTask.FamilyName(p.Key), p => p.Value, StringComparer.Ordinal),
            thresholds, Math.Round(seconds, 1),
            DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        StudentModel.Save(ml, chain, settings, path);
        log(string.Create(CultureInfo.InvariantCulture,
            $"MlNet: trained in {seconds:F1} s; saved {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:F1} MiB)"));
        return StudentModel.Load(ml, path);
    }
}
