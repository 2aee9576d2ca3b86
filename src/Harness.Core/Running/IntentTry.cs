using System.Collections.Immutable;
using System.Diagnostics;
using Harness.Backends;
using Harness.Datasets;
using Harness.Parsing;
using Harness.Plugins;
using Harness.Rendering;
using Harness.Tools;

namespace Harness.Running;

/// <summary>
/// <c>harness try "golden hour" --config eval.yaml</c>: starts each backend of a config in turn, asks it
/// for the three tools on one typed intent in one call (as the single-stream scenario asks an intent),
/// parses each answer as a run does (<see cref="CallExecutor"/>, <see cref="OutputParser"/>) and renders
/// the settings on the photos (<see cref="TryPhotos"/>). A backend that only replays recorded outputs is
/// not started; one that fails to load or start is reported and the others still run.
/// </summary>
internal static class IntentTry
{
    /// <summary>The intent id the requests carry; no dataset row has it.</summary>
    public const string IntentId = "try";

    public static async Task<IntentTryResult> RunAsync(
        EvalConfig config, string intent, BackendCatalog catalog, IReadOnlyList<PluginLoadFailure> failures, IntentTryOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(intent))
            throw new InputException("the intent is empty; give the user's words, e.g. harness try \"golden hour\" --config eval.yaml.");
        var parser = new OutputParser(FilterCatalog.Load(config.Filters ?? FilterCatalog.DefaultPathFor(config.Dataset)));
        var photos = TryPhotos.Open(config, options.Image);
        var directory = Path.GetFullPath(options.OutputDirectory ?? DefaultDirectory(DateTimeOffset.UtcNow));
        OutputPath.CheckFolder(directory, options.OutputDirectory is null ? "try folder" : "--out");
        var log = options.Log ?? (_ => { });

        var backends = ImmutableArray.CreateBuilder<BackendTry>();
        foreach (var entry in config.Backends)
        {
            var plugin = catalog.TryFind(entry.Plugin);
            if (plugin is null)
            {
                var reason = failures.FirstOrDefault(f => string.Equals(f.Name, entry.Plugin, StringComparison.OrdinalIgnoreCase)) is { } failure
                    ? $"plugin {entry.Plugin} failed to load: {failure.Reason}"
                    : $"unknown plugin '{entry.Plugin}'; found: {(catalog.Names.IsEmpty ? "(none; build the plugins or pass --plugins DIR)" : string.Join(", ", catalog.Names))}";
                backends.Add(BackendTry.NotRun(entry, BackendTryOutcome.Failed, reason));
                continue;
            }
            if (!plugin.AnswersNewIntents)
            {
                backends.Add(BackendTry.NotRun(entry, BackendTryOutcome.ReplaysOnly,
                    $"{plugin.Name} replays recorded outputs by intent id, so it cannot answer a new intent; not started"));
                continue;
            }
            backends.Add(await TryAsync(config, entry, plugin, intent, parser, photos, Path.Combine(directory, entry.Label), log, cancellationToken));
        }
        return new IntentTryResult(intent, directory, photos.Names, photos.Note, backends.ToImmutable());
    }

    /// <summary>Where the renders go when no folder is given: <c>reports/try/&lt;UTC yyyyMMdd-HHmmss&gt;</c>.</summary>
    public static string DefaultDirectory(DateTimeOffset now) => Path.Combine("reports", "try", RunOptions.DefaultRunId(now));

    private static async Task<BackendTry> TryAsync(
        EvalConfig config, BackendConfig entry, LoadedBackend plugin, string intent, OutputParser parser, TryPhotos photos, string folder, Action<string> log, CancellationToken cancellationToken)
    {
        try
        {
            EvaluationRunner.CheckOptions(config, entry, plugin);
        }
        catch (InputException ex)
        {
            return BackendTry.NotRun(entry, BackendTryOutcome.Failed, ex.Message);
        }

        var watch = Stopwatch.StartNew();
        IBackend backend;
        try
        {
            (backend, _) = await BackendStart.StartAsync(entry, plugin, config, log, cancellationToken);
        }
        catch (BackendStartException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return BackendTry.NotRun(entry, BackendTryOutcome.Failed, $"failed to start: {ex.Message}");
        }
        var startSeconds = watch.Elapsed.TotalSeconds;

        try
        {
            var requests = ToolSchema.All.Select(t => PlannedCall.Request(IntentId, intent, t, entry.PromptTemplate)).ToList();
            var outcome = await CallExecutor.CallAsync(backend, requests, config.TimeoutSeconds, cancellationToken);
            var calls = requests.Select((request, i) =>
            {
                var response = outcome.Responses[i];
                var (parsed, error) = CallExecutor.Parse(parser, request.Tool, response);
                return new TriedCall(request.Tool, error is null ? response.Text : null, parsed, TriedCall.Describe(parsed, parser, photos.Looks));
            }).ToImmutableArray();

            if (calls.All(c => c.Parsed.Failure == ParseFailureKind.BackendError))
                return new BackendTry(entry.Label, plugin.Name, BackendTryOutcome.Failed, $"every call failed: {calls[0].Parsed.FailureDetail}", startSeconds, outcome.ElapsedMs, calls, []);
            string? problem = outcome.Fatal is { } fatal ? $"its process ended: {fatal.Message}" : null;
            ImmutableArray<string> renders = [];
            try
            {
                renders = photos.Render(photos.Settings(calls.Select(c => c.Parsed.Setting)), folder);
            }
            catch (Exception ex) when (ex is RenderingException or IOException or UnauthorizedAccessException)
            {
                problem = $"its settings could not be rendered: {ex.Message}";
            }
            return new BackendTry(entry.Label, plugin.Name, BackendTryOutcome.Answered, problem, startSeconds, outcome.ElapsedMs, calls, renders);
        }
        finally
        {
            await BackendStart.StopAsync(backend, entry, TimeSpan.FromSeconds(config.StartTimeoutSeconds), log);
        }
    }
}
