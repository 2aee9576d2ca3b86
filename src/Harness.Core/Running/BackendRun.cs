using System.Collections.Immutable;
using System.Globalization;
using Harness.Backends;
using Harness.Metrics;
using Harness.Plugins;
using Harness.Running.Isolation;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Running;

/// <summary>
/// Runs one configured backend through every scenario: creates it (a failure to
/// start is recorded on its results, and the run goes on with the next backend),
/// runs each scenario into its prediction log, and writes each metrics.json.
/// </summary>
internal static class BackendRun
{
    public static async Task<IReadOnlyList<BackendRunResult>> RunAsync(
        BackendConfig entry, LoadedBackend plugin, RunState state, CancellationToken cancellationToken)
    {
        var config = state.Config;
        IBackend backend;
        BackendInfo info;
        try
        {
            (backend, info) = await BackendStart.StartAsync(entry, plugin, config, state.Progress.Log, cancellationToken);
        }
        catch (BackendStartException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = $"backend '{entry.Label}' ({entry.Plugin}) failed to start: {ex.Message}";
            state.Progress.Log("error: " + error);
            state.Manifest.Backends[entry.Label] = new RunManifest.BackendEntry(entry.Plugin, null, null, null, error, plugin.Version);
            state.Manifest.Write(state.ManifestPath);
            return Failed(entry, state, entry.Plugin, "(not started)", null, "none", config.Scenarios, error);
        }

        try
        {
            state.Manifest.CheckModel(state.Previous, entry.Label, info.ModelSha256, state.ManifestPath, plugin.Version);
            state.Manifest.Backends[entry.Label] = new RunManifest.BackendEntry(entry.Plugin, info.Model, info.ModelSha256, info.Device, null, plugin.Version, info.SupportsBatching);
            state.Manifest.Write(state.ManifestPath);

            var results = new List<BackendRunResult>();
            foreach (var scenario in config.Scenarios)
            {
                try
                {
                    results.Add(await RunScenarioAsync(backend, info, entry, scenario, state, cancellationToken));
                }
                catch (BackendProcessException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // The child process is gone: this backend stops here; its finished calls are kept for --resume.
                    var error = $"backend '{entry.Label}' ({entry.Plugin}) failed in {scenario}: {ex.Message} (finished calls are kept; --resume continues)";
                    state.Progress.Log("error: " + error);
                    state.Manifest.Backends[entry.Label] = new RunManifest.BackendEntry(entry.Plugin, info.Model, info.ModelSha256, info.Device, error, plugin.Version, info.SupportsBatching);
                    state.Manifest.Write(state.ManifestPath);
                    results.AddRange(Failed(entry, state, info.Name, info.Model, info.ModelSha256, info.Device, config.Scenarios[results.Count..], error));
                    break;
                }
            }
            return results;
        }
        finally
        {
            await BackendStart.StopAsync(backend, entry, TimeSpan.FromSeconds(config.StartTimeoutSeconds), state.Progress.Log);
        }
    }

    // A resumed backend is cold: its warm-up intents ran in the earlier process. A shard's backend
    // records only the warm-up intents of its own share. Run the others again, unrecorded, before the
    // calls that are still to be timed, so the first of those is not cold.
    private static async Task RewarmAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var own = context.Rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var warm = context.Log.ResumedCount > 0 ? [.. context.WarmupRows] : context.WarmupRows.Where(r => !own.Contains(r.Id)).ToList();
        var pending = context.Rows.Any(r => ToolSchema.All.Any(t => !context.Log.IsDone(r.Id, t)));
        if (warm.Count == 0 || !pending) return;
        var calls = warm.SelectMany(r => ToolSchema.All.Select(t => new PlannedCall(r, t, Warmup: true))).ToList();
        var size = context.Scenario == ScenarioNames.Offline ? context.Entry.BatchSize : ToolSchema.All.Length;
        foreach (var batch in calls.Chunk(size))
            await CallExecutor.WarmAsync(context, batch, cancellationToken);
    }

    private static BackendRunResult[] Failed(
        BackendConfig entry, RunState state, string backend, string model, string? modelSha, string device, IEnumerable<string> scenarios, string error) =>
        [.. scenarios.Select(s => new BackendRunResult(
            entry.Label,
            ScenarioMetrics.Empty(Identity(state, entry, backend, model, modelSha, device, s), state.Rows, state.Config.Seed),
            [],
            error))];

    private static async Task<BackendRunResult> RunScenarioAsync(
        IBackend backend, BackendInfo info, BackendConfig entry, string scenario, RunState state, CancellationToken cancellationToken)
    {
        var directory = RunLayout.ResultDirectory(state.Options.RunDirectory, entry.Label, scenario);
        using var log = PredictionLog.Open(Path.Combine(directory, RunLayout.PredictionsFile), state.Options.Resume);
        var ids = state.Rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var context = new ScenarioContext(scenario, backend, entry, state.Config, state.Rows, state.WarmupRows, state.Parser, log, state.Progress);

        state.Progress.Begin(entry.Label, scenario, state.Rows.Length * 3, log.Records.Count(r => ids.Contains(r.IntentId)));
        ServerMeasurement? server = null;
        try
        {
            await RewarmAsync(context, cancellationToken);
            if (scenario == ScenarioNames.SingleStream)
                await SingleStreamScenario.RunAsync(context, cancellationToken);
            else if (scenario == ScenarioNames.Server)
                server = await ServerScenario.RunAsync(context, state.Config.Server!, cancellationToken);
            else
                await OfflineScenario.RunAsync(context, cancellationToken);
        }
        finally
        {
            state.Progress.End();
        }

        var calls = log.Records.Where(r => ids.Contains(r.IntentId)).ToImmutableArray();
        var metrics = ScenarioMetrics.Build(
            Identity(state, entry, info.Name, info.Model, info.ModelSha256, info.Device, scenario),
            state.Rows, calls, info.SupportsBatching, entry.Cost, state.Config.Seed,
            server is null ? null : (server, state.Config.Server!));
        if (state.Images is { } images)
        {
            state.Progress.Log($"{entry.Label} / {scenario}: rendering the teacher's and the backend's calls for the image metric...");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                metrics = metrics with { Image = images.Measure(state.Rows, calls, directory, state.Config.Seed) };
                state.Progress.Log(string.Create(CultureInfo.InvariantCulture, $"{entry.Label} / {scenario}: image metric measured in {clock.Elapsed.TotalSeconds:0.0} s"));
            }
            catch (Exception ex) when (ImageMetricStage.Problem(ex) is { } problem)
            {
                // The calls are recorded and scored; only the image section is left out, and said so.
                state.Progress.Log($"error: {entry.Label} / {scenario}: the image metric could not be measured: {problem}");
            }
        }
        MetricsJson.Write(directory, metrics);
        return new BackendRunResult(entry.Label, metrics, calls);
    }

    private static RunIdentity Identity(RunState state, BackendConfig entry, string backend, string model, string? modelSha, string device, string scenario) =>
        new(state.Options.RunId, backend, model, modelSha, state.Dataset.Name, state.Dataset.Sha256, scenario, device,
            state.Manifest.StartedAt, HarnessVersion.Current, entry.ModelId);
}
