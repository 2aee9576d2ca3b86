using System.Collections.Immutable;
using Harness.Backends;
using Harness.Metrics;
using Harness.Plugins;
using Harness.Reports;

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
        try
        {
            var options = new BackendOptions(entry.Options, $"{Path.GetFileName(config.SourcePath)}: backends[{entry.Index}] ({entry.Label})");
            var context = new BackendContext(plugin.Directory, config.BaseDirectory, state.Progress.Log);
            backend = await plugin.Factory.CreateAsync(options, context, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = $"backend '{entry.Label}' ({entry.Plugin}) failed to start: {ex.Message.ReplaceLineEndings(" ")}";
            state.Progress.Log("error: " + error);
            state.Manifest.Backends[entry.Label] = new RunManifest.BackendEntry(entry.Plugin, null, null, null, error);
            state.Manifest.Write(state.ManifestPath);
            return [.. config.Scenarios.Select(s => new BackendRunResult(
                entry.Label,
                ScenarioMetrics.Empty(Identity(state, entry, entry.Plugin, "(not started)", null, "none", s), state.Rows, config.Seed),
                [],
                error))];
        }

        try
        {
            var info = backend.Info;
            state.Manifest.CheckModel(state.Previous, entry.Label, info.ModelSha256, state.ManifestPath);
            state.Manifest.Backends[entry.Label] = new RunManifest.BackendEntry(entry.Plugin, info.Model, info.ModelSha256, info.Device, null);
            state.Manifest.Write(state.ManifestPath);

            var results = new List<BackendRunResult>();
            foreach (var scenario in config.Scenarios)
                results.Add(await RunScenarioAsync(backend, info, entry, scenario, state, cancellationToken));
            return results;
        }
        finally
        {
            await DisposeAsync(backend, entry, state.Progress);
        }
    }

    // The results are on disk by now; a backend that fails to release its model must not lose them.
    private static async Task DisposeAsync(IBackend backend, BackendConfig entry, IProgressSink progress)
    {
        try
        {
            await backend.DisposeAsync();
        }
        catch (Exception ex)
        {
            progress.Log($"warning: backend '{entry.Label}' failed to shut down: {ex.Message.ReplaceLineEndings(" ")}");
        }
    }

    private static async Task<BackendRunResult> RunScenarioAsync(
        IBackend backend, BackendInfo info, BackendConfig entry, string scenario, RunState state, CancellationToken cancellationToken)
    {
        var directory = RunLayout.ResultDirectory(state.Options.RunDirectory, entry.Label, scenario);
        using var log = PredictionLog.Open(Path.Combine(directory, RunLayout.PredictionsFile), state.Options.Resume);
        var ids = state.Rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var context = new ScenarioContext(scenario, backend, entry, state.Config, state.Rows, state.Parser, log, state.Progress);

        state.Progress.Begin(entry.Label, scenario, state.Rows.Length * 3, log.Records.Count(r => ids.Contains(r.IntentId)));
        try
        {
            if (scenario == ScenarioNames.SingleStream)
                await SingleStreamScenario.RunAsync(context, cancellationToken);
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
            state.Rows, calls, info.SupportsBatching, entry.Cost, state.Config.Seed);
        MetricsJson.Write(metrics, Path.Combine(directory, RunLayout.MetricsFile));
        return new BackendRunResult(entry.Label, metrics, calls);
    }

    private static RunIdentity Identity(RunState state, BackendConfig entry, string backend, string model, string? modelSha, string device, string scenario) =>
        new(state.Options.RunId, backend, model, modelSha, state.Dataset.Name, state.Dataset.Sha256, scenario, device,
            state.Manifest.StartedAt, HarnessVersion.Current, entry.ModelId);
}
