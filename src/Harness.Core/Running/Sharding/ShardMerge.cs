using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Metrics;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Running.Sharding;

/// <summary>
/// <c>harness merge</c>: joins the shard folders of one run (<c>harness eval --shard i/n</c>) into the
/// run folder an unsharded run would have written. Each backend's and scenario's calls are pooled in
/// run order, so predictions.jsonl and the quality metrics equal the unsharded run's; latency is
/// computed over the pooled samples and cost from the summed wall time and tokens; run.json lists
/// each shard's folder and environment. Shards that are not of one run, missing, duplicated,
/// unfinished or holding rows of another shard are an <see cref="InputException"/> naming the folder.
/// </summary>
public static class ShardMerge
{
    /// <summary>Merges <paramref name="shardDirectories"/> into <paramref name="options"/>' run folder and writes the config's reports.</summary>
    public static async Task<RunReport> MergeAsync(IReadOnlyList<string> shardDirectories, RunOptions options, IProgressSink progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shardDirectories);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var shards = ShardSet.Read(shardDirectories);
        var first = shards.Folders[0];
        var config = ConfigLoader.Parse(first.Manifest.ConfigText, first.Manifest.ConfigPath);
        var writers = ReportStage.Resolve(config);
        var dataset = DatasetLoader.Load(config.Dataset, config.Filters);
        if (dataset.Sha256 != first.Manifest.DatasetSha256)
            throw new InputException($"{config.Dataset}: the dataset changed since the shards ran (sha256 {first.Manifest.DatasetSha256} in {first.Directory}, {dataset.Sha256} now); restore it to merge.");
        var rows = EvaluationRunner.RunRows(config, dataset);
        var images = ImageMetricStage.Open(config, dataset.Filters);
        var position = rows.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        if (shards.Folders.Any(f => Path.GetFullPath(f.Directory) == Path.GetFullPath(options.RunDirectory)))
            throw new InputException($"--out {options.RunDirectory}: that is a shard folder; merge into a folder of its own.");

        using var runLock = RunLock.Acquire(options.RunDirectory);
        if (File.Exists(Path.Combine(options.RunDirectory, RunLayout.RunFile)))
            throw new InputException($"{options.RunDirectory}: a run already exists there; merge into another --out.");
        var startedAt = shards.Folders.Min(f => f.Manifest.StartedAt);
        var identityOf = new ShardIdentity(options.RunId, startedAt, dataset, first.Manifest.HarnessVersion ?? HarnessVersion.Current);

        var results = new List<BackendRunResult>();
        var backends = new Dictionary<string, RunManifest.BackendEntry>(StringComparer.Ordinal);
        foreach (var entry in config.Backends)
        {
            var started = shards.Folders.Select(f => f.Manifest.Backends.GetValueOrDefault(entry.Label)).ToList();
            if (started.All(s => s is { Error: not null, ModelSha256: null }))
            {
                // It failed to start in every shard: the merged run records the failure as an unsharded run would.
                var error = started[0]!.Error!;
                backends[entry.Label] = started[0]!;
                results.AddRange(config.Scenarios.Select(s => new BackendRunResult(
                    entry.Label, ScenarioMetrics.Empty(identityOf.NotStarted(entry, s), rows, config.Seed), [], error)));
                continue;
            }
            backends[entry.Label] = Started(shards, entry.Label);
            foreach (var scenario in config.Scenarios)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results.Add(MergeScenario(shards, entry, scenario, config, rows, position, backends[entry.Label], identityOf, options.RunDirectory, images));
                progress.Log($"merged {entry.Label} / {scenario} from {shards.Folders.Count} shards");
            }
        }

        var manifest = new RunManifest
        {
            RunId = options.RunId,
            StartedAt = startedAt,
            ConfigPath = first.Manifest.ConfigPath,
            ConfigSha256 = first.Manifest.ConfigSha256,
            ConfigText = first.Manifest.ConfigText,
            DatasetPath = first.Manifest.DatasetPath,
            DatasetSha256 = first.Manifest.DatasetSha256,
            Rows = rows.Length,
            Environment = ShardEnvironments.Combine(shards.Folders.Select(f => f.Manifest.Environment)),
            HarnessVersion = first.Manifest.HarnessVersion,
            Floor = config.Floor,
            Ceiling = config.Ceiling,
            Teacher = config.Teacher,
            Backends = backends,
            Shards = [.. shards.Folders.Select(f => new RunManifest.ShardPart(f.Shard.Index, Path.GetFullPath(f.Directory), f.Manifest.StartedAt, f.Manifest.Environment))],
        };
        manifest.Write(Path.Combine(options.RunDirectory, RunLayout.RunFile));

        var report = new RunReport(options.RunId, dataset with { Rows = rows }, [.. results], manifest.Environment, Floor: config.Floor, Ceiling: config.Ceiling, Teacher: config.Teacher);
        var failures = await ReportStage.WriteAsync(writers, report, options.RunDirectory, progress, cancellationToken);
        return report with { ReportFailures = failures };
    }

    // The backend as every shard started it; one that failed in a shard makes that shard unfinished.
    private static RunManifest.BackendEntry Started(ShardSet shards, string label)
    {
        foreach (var folder in shards.Folders)
        {
            if (folder.Manifest.Backends.GetValueOrDefault(label) is not { } entry)
                throw Unfinished(folder, $"backend '{label}' did not run there");
            if (entry.Error is not null)
                throw Unfinished(folder, $"backend '{label}' failed there: {entry.Error}");
        }
        var started = shards.First.Backends[label];
        if (started.Batching is null)
            throw new InputException($"{Path.Combine(shards.Folders[0].Directory, RunLayout.RunFile)}: backends.{label}: does not record whether the backend batches (written by an older harness); run the shards again with this one.");
        return started;
    }

    private static BackendRunResult MergeScenario(
        ShardSet shards, BackendConfig entry, string scenario, EvalConfig config, ImmutableArray<DatasetRow> rows,
        Dictionary<string, int> position, RunManifest.BackendEntry started, ShardIdentity identityOf, string runDirectory, ImageMetricStage? images)
    {
        var calls = new List<CallRecord>();
        RunIdentity? identity = null;
        foreach (var folder in shards.Folders)
        {
            var directory = RunLayout.ResultDirectory(folder.Directory, entry.Label, scenario);
            var metricsFile = Path.Combine(directory, RunLayout.MetricsFile);
            var predictionsFile = Path.Combine(directory, RunLayout.PredictionsFile);
            if (!File.Exists(metricsFile) || !File.Exists(predictionsFile))
                throw Unfinished(folder, $"backend '{entry.Label}' has not finished {scenario} ({metricsFile} is missing)");
            identity ??= MetricsJson.Read(metricsFile).Run;
            calls.AddRange(ShardCalls(folder, predictionsFile, entry, scenario, rows, position));
        }

        var ordered = calls.OrderBy(c => position[c.IntentId]).ThenBy(c => ToolSchema.All.IndexOf(c.Tool)).ToImmutableArray();
        var metrics = ScenarioMetrics.Build(identityOf.Merged(identity!), rows, ordered, started.Batching!.Value, entry.Cost, config.Seed);
        var resultDirectory = RunLayout.ResultDirectory(runDirectory, entry.Label, scenario);
        Directory.CreateDirectory(resultDirectory);
        // The image metric is measured on the merged answers, as an unsharded run measures it.
        if (images is not null) metrics = metrics with { Image = images.Measure(rows, ordered, resultDirectory, config.Seed) };
        CallRecordJson.WriteAll(Path.Combine(resultDirectory, RunLayout.PredictionsFile), ordered);
        MetricsJson.Write(resultDirectory, metrics);
        return new BackendRunResult(entry.Label, metrics, ordered);
    }

    // One shard's calls for one backend and scenario: only rows of its share, each (row, tool) once, none missing.
    private static List<CallRecord> ShardCalls(
        ShardFolder folder, string predictionsFile, BackendConfig entry, string scenario, ImmutableArray<DatasetRow> rows, Dictionary<string, int> position)
    {
        var calls = CallRecordJson.ReadAll(predictionsFile);
        var seen = new HashSet<(string, ToolName)>();
        foreach (var call in calls)
        {
            if (!position.TryGetValue(call.IntentId, out var at))
                throw new InputException($"{predictionsFile}: row {call.IntentId} is not a row of the run's dataset; these are not this run's predictions.");
            if (!folder.Shard.Owns(at))
                throw new InputException($"{predictionsFile}: row {call.IntentId} belongs to shard {at % folder.Shard.Count}/{folder.Shard.Count}, not {folder.Shard}; the shards overlap.");
            if (!seen.Add((call.IntentId, call.Tool)))
                throw new InputException($"{predictionsFile}: the call {call.IntentId}/{call.Tool.WireName()} is recorded twice.");
        }
        var expected = folder.Shard.Select(rows).Count() * ToolSchema.All.Length;
        if (seen.Count != expected)
            throw Unfinished(folder, $"backend '{entry.Label}' has {seen.Count} of its {expected} calls in {scenario}");
        return [.. calls];
    }

    private static InputException Unfinished(ShardFolder folder, string why) => new(
        $"{folder.Directory}: shard {folder.Shard} is not finished: {why}; finish it with harness eval --config {folder.Manifest.ConfigPath} --shard {folder.Shard} --out {folder.Directory} --resume, then merge again.");

    // The identity of a merged result: the shards' own (backend, model, device as they ran), under the merged run's id and start.
    private sealed record ShardIdentity(string RunId, DateTimeOffset StartedAt, Dataset Dataset, string HarnessVersion)
    {
        public RunIdentity Merged(RunIdentity shard) => shard with { Id = RunId, StartedAt = StartedAt };

        public RunIdentity NotStarted(BackendConfig entry, string scenario) =>
            new(RunId, entry.Plugin, "(not started)", null, Dataset.Name, Dataset.Sha256, scenario, "none", StartedAt, HarnessVersion, entry.ModelId);
    }
}
