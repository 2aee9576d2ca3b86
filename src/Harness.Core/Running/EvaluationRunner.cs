using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Parsing;
using Harness.Plugins;
using Harness.Runs;

namespace Harness.Running;

/// <summary>
/// <c>harness eval</c>: runs every backend of a config over the dataset in each
/// scenario, appending each finished call to its prediction log, then writes
/// metrics.json per backend and scenario and the configured reports.
/// </summary>
public static class EvaluationRunner
{
    /// <summary>
    /// Runs <paramref name="config"/>. Bad input (config, dataset, unknown plugin or
    /// report, a resume that does not match) throws <see cref="InputException"/> before
    /// any call is made. A backend that fails to start is recorded in its results
    /// (<see cref="BackendRunResult.Error"/>); the others still run. Cancellation
    /// stops after the call in flight; every finished call stays in its log.
    /// </summary>
    public static Task<RunReport> RunAsync(EvalConfig config, RunOptions options, IProgressSink progress, CancellationToken cancellationToken) =>
        RunAsync(config, null, options, progress, cancellationToken);

    /// <summary>
    /// Runs <paramref name="config"/> over <paramref name="loaded"/>, a dataset already loaded (and
    /// perhaps cut to some of its rows), or over the config's dataset file when null.
    /// </summary>
    internal static async Task<RunReport> RunAsync(EvalConfig config, Dataset? loaded, RunOptions options, IProgressSink progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);

        var plugins = config.Backends
            .Select(b => options.Backends.Find(b.Plugin, $"{config.SourcePath}: backends[{b.Index}].plugin"))
            .ToList();
        for (var i = 0; i < plugins.Count; i++)
            CheckOptions(config, config.Backends[i], plugins[i]);
        var writers = ReportStage.Resolve(config);
        var dataset = loaded ?? DatasetLoader.Load(config.Dataset, config.Filters);
        ThresholdsCheck.Refuse(config, config.Dataset, dataset.Sha256);
        var allRows = RunRows(config, dataset);
        // A shard runs its share of the rows; the warm-up intents stay the run's first ones, wherever they fall.
        var rows = options.Shard is { } shard ? [.. shard.Select(allRows)] : allRows;
        var runDataset = dataset with { Rows = rows };
        var images = ImageMetricStage.Open(config, dataset.Filters);

        using var runLock = RunLock.Acquire(options.RunDirectory);
        var (manifest, previous) = OpenManifest(config, options, dataset.Sha256, allRows.Length);
        var state = new RunState(config, options, runDataset, rows, [.. allRows.Take(config.Warmup)], new OutputParser(dataset.Filters), manifest, previous, progress, images);

        var results = new List<BackendRunResult>();
        for (var i = 0; i < config.Backends.Length; i++)
            results.AddRange(await BackendRun.RunAsync(config.Backends[i], plugins[i], state, cancellationToken));

        var report = new RunReport(options.RunId, runDataset, [.. results], manifest.Environment, Floor: config.Floor, Ceiling: config.Ceiling, Teacher: config.Teacher);
        var failures = await ReportStage.WriteAsync(writers, report, options.RunDirectory, progress, cancellationToken);
        return report with { ReportFailures = failures };
    }

    /// <summary>The rows a config runs over, in run order: the dataset's, cut to <c>limit</c>.</summary>
    internal static ImmutableArray<DatasetRow> RunRows(EvalConfig config, Dataset dataset) =>
        config.Limit > 0 ? [.. dataset.Rows.Take(config.Limit)] : dataset.Rows;

    // A misspelt option would otherwise be ignored silently by the plugin.
    internal static void CheckOptions(EvalConfig config, BackendConfig entry, LoadedBackend plugin)
    {
        var known = plugin.Options.Select(o => o.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = entry.Options.Keys.FirstOrDefault(k => !known.Contains(k));
        if (unknown is not null)
            throw new InputException(
                $"{config.SourcePath}: backends[{entry.Index}].options.{unknown}: {plugin.Name} has no option '{unknown}'; valid: {(known.Count == 0 ? "(none)" : string.Join(", ", plugin.Options.Select(o => o.Name)))}.");
    }

    private static (RunManifest Manifest, RunManifest? Previous) OpenManifest(EvalConfig config, RunOptions options, string datasetSha, int rows)
    {
        var path = Path.Combine(options.RunDirectory, RunLayout.RunFile);
        RunManifest? previous = null;
        if (File.Exists(path))
        {
            if (!options.Resume)
                throw new InputException($"{options.RunDirectory}: a run already exists there; pass --resume to continue it or choose another --run-id.");
            previous = RunManifest.Read(path);
        }
        else if (options.Resume)
        {
            throw new InputException($"{options.RunDirectory}: nothing to resume (no {RunLayout.RunFile}); run without --resume to start it.");
        }

        Directory.CreateDirectory(options.RunDirectory);
        var manifest = new RunManifest
        {
            RunId = options.RunId,
            StartedAt = previous?.StartedAt ?? DateTimeOffset.UtcNow,
            ConfigPath = config.SourcePath,
            ConfigSha256 = config.Sha256,
            ConfigText = config.Text,
            DatasetPath = config.Dataset,
            DatasetSha256 = datasetSha,
            Rows = rows,
            Environment = EnvironmentProbe.Capture(config.BaseDirectory),
            Floor = config.Floor,
            Ceiling = config.Ceiling,
            Teacher = config.Teacher,
            Shard = options.Shard,
        };
        if (previous is not null)
        {
            manifest.CheckResumable(previous, path);
            foreach (var (label, entry) in previous.Backends)
                manifest.Backends[label] = entry;
        }
        manifest.Write(path);
        return (manifest, previous);
    }
}
