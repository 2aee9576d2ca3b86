using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Harness.Datasets;
using Harness.Metrics;
using Harness.Running;
using Harness.Runs;

namespace Harness.Api;

/// <summary>
/// Runs backends over datasets and scores predictions (<see cref="HarnessContext.Evaluation"/>),
/// through the runner <c>harness eval</c> uses, so a result here is the result a run folder holds.
/// </summary>
public sealed class EvaluationCatalog
{
    /// <summary>Stands for the config file in messages and run.json: an evaluation made here has none.</summary>
    private const string ConfigName = "HarnessContext";

    private readonly HarnessContext _context;

    internal EvaluationCatalog(HarnessContext context) => _context = context;

    /// <summary>
    /// Runs <paramref name="backend"/> over <paramref name="dataset"/> in one scenario and scores it
    /// (spec §4, §5), as <c>harness eval</c> runs one backend of its config. Pass a dataset cut to
    /// some rows (<c>dataset with { Rows = ... }</c>) to run over those, or set <see cref="EvaluationOptions.Rows"/>.
    /// </summary>
    /// <returns>
    /// The backend's metrics (each subset's finals and overall with bootstrap intervals drawn with the
    /// context's seed, parse failures, latency, throughput) and every call, as the reports read them.
    /// </returns>
    /// <exception cref="InputException">
    /// An option is out of range, the backend failed to start or its process ended (the message says
    /// why, e.g. a train file's <c>FILE:LINE</c>), or a report could not be written.
    /// </exception>
    /// <exception cref="OperationCanceledException">Cancelled; with a <see cref="EvaluationOptions.RunDirectory"/>, the finished calls are kept there.</exception>
    public async Task<BackendRunResult> EvaluateAsync(
        ConfiguredBackend backend, Dataset dataset, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= new EvaluationOptions();
        var config = Config(backend, dataset, options);
        var now = DateTimeOffset.UtcNow;
        string? scratch = null;
        RunOptions run;
        if (options.RunDirectory is { } folder)
        {
            run = RunOptions.Create(_context.Backends.Catalog, folder, null, resume: false, now);
        }
        else
        {
            scratch = Path.Combine(Path.GetTempPath(), "harness-" + Guid.NewGuid().ToString("N"));
            var id = RunOptions.DefaultRunId(now);
            run = new RunOptions(_context.Backends.Catalog, Path.Combine(scratch, id), id);
        }

        try
        {
            var report = await EvaluationRunner.RunAsync(config, dataset, run, options.Progress ?? NullProgressSink.Instance, cancellationToken);
            var result = report.Results[0];
            if (result.Error is not null) throw new InputException(result.Error);
            if (report.ReportFailures is { Count: > 0 } failures) throw new InputException(failures);
            return result;
        }
        finally
        {
            if (scratch is not null) Delete(scratch);
        }
    }

    /// <summary>Reads and checks an evaluation config (eval.yaml); paths in it resolve against its folder.</summary>
    /// <exception cref="InputException">A key, type or value is wrong; the message names the file, line and field.</exception>
    public EvalConfig LoadConfig(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ConfigLoader.Load(path);
    }

    /// <summary>
    /// Where a config's run goes, with the context's backends: the run id is <paramref name="runId"/>,
    /// else the folder name of <paramref name="runDirectory"/>, else the UTC time; the folder defaults
    /// to <c>reports/&lt;run-id&gt;</c>. The folder is created and checked writable here.
    /// </summary>
    /// <exception cref="InputException">The run id is not folder-safe, the folder cannot be written, or <paramref name="resume"/> has no run to continue.</exception>
    public RunOptions CreateRunOptions(string? runDirectory = null, string? runId = null, bool resume = false) =>
        RunOptions.Create(_context.Backends.Catalog, runDirectory, runId, resume, DateTimeOffset.UtcNow);

    /// <summary>
    /// Merges the shard folders of one run (<c>harness eval --shard i/n</c>) into
    /// <paramref name="runDirectory"/>, with the predictions, metrics and reports an unsharded run
    /// writes: <c>harness merge</c>. No backend runs, so no plugin is needed.
    /// </summary>
    /// <exception cref="InputException">A shard is missing, given twice, unfinished or of another run; the message names the folder.</exception>
    public Task<RunReport> MergeShardsAsync(IReadOnlyList<string> shardDirectories, string runDirectory, string? runId = null, IProgressSink? progress = null, CancellationToken cancellationToken = default) =>
        Running.Sharding.ShardMerge.MergeAsync(
            shardDirectories, RunOptions.Create(Plugins.BackendCatalog.Of(), runDirectory, runId, resume: false, DateTimeOffset.UtcNow),
            progress ?? NullProgressSink.Instance, cancellationToken);

    /// <summary>
    /// Runs every backend of <paramref name="config"/> in each of its scenarios into the run folder
    /// and writes its reports: <c>harness eval</c>. A backend that fails is recorded on its results
    /// (<see cref="BackendRunResult.Error"/>) and the others still run; the config's own seed draws its intervals.
    /// </summary>
    /// <exception cref="InputException">Bad input (dataset, unknown plugin, option or report, a resume that does not match), before any call is made.</exception>
    public Task<RunReport> RunAsync(EvalConfig config, RunOptions options, IProgressSink? progress = null, CancellationToken cancellationToken = default) =>
        EvaluationRunner.RunAsync(config, options, progress ?? NullProgressSink.Instance, cancellationToken);

    /// <summary>
    /// Asks every backend of <paramref name="config"/> for the three tools on one typed
    /// <paramref name="intent"/> and renders each answer on the photos: <c>harness try</c>. A backend
    /// that only replays recorded outputs is reported as such and not started; one whose plugin is
    /// missing or which fails to start is reported with the reason, and the others still run.
    /// </summary>
    /// <returns>Per backend its calls with their parse verdicts (as a run scores them), the call's latency and the PNG files written.</returns>
    /// <exception cref="InputException">The intent is empty, the filter catalogue or a photo cannot be read, or the output folder cannot be written.</exception>
    public Task<IntentTryResult> TryIntentAsync(EvalConfig config, string intent, IntentTryOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(intent);
        return IntentTry.RunAsync(config, intent, _context.Backends.Catalog, _context.Backends.Failures, options ?? new IntentTryOptions(), cancellationToken);
    }

    /// <summary>
    /// Scores a predictions file (<see cref="DataOperationsCatalog.LoadPredictions"/>) against its
    /// dataset, as <c>harness score</c> does: quality and parse failures, no latency, throughput or cost.
    /// </summary>
    public EvaluationMetrics Score(Dataset dataset, PredictionsFile predictions) =>
        PredictionsScoring.Score(dataset, predictions, _context.Bootstrap);

    // The config harness eval would read for this evaluation: checked as ConfigLoader checks its
    // values, and kept as text in run.json so the run says how it was made.
    private EvalConfig Config(ConfiguredBackend backend, Dataset dataset, EvaluationOptions options)
    {
        if (options.Rows < 0) throw new InputException($"{ConfigName}: Rows is {options.Rows}; give 0 for every row or N for the first N.");
        if (!ScenarioNames.All.Contains(options.Scenario))
            throw new InputException($"{ConfigName}: unknown scenario '{options.Scenario}'; valid: {string.Join(", ", ScenarioNames.All)}.");
        if (options.Warmup < 0) throw new InputException($"{ConfigName}: Warmup is {options.Warmup}; give 0 or more intents.");
        CheckSeconds(options.TimeoutSeconds, nameof(options.TimeoutSeconds));
        CheckSeconds(options.StartTimeoutSeconds, nameof(options.StartTimeoutSeconds));
        if (options.Reports.Count > 0 && options.RunDirectory is null)
            throw new InputException($"{ConfigName}: Reports need a RunDirectory to write into.");

        var baseDirectory = Path.GetFullPath(_context.Options.BaseDirectory ?? Environment.CurrentDirectory);
        var text = ConfigText(backend, dataset, options);
        return new EvalConfig(
            Path.Combine(baseDirectory, ConfigName),
            text,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            Path.GetFullPath(dataset.Path),
            null,
            [options.Scenario],
            options.Warmup,
            options.TimeoutSeconds,
            _context.Bootstrap.Seed,
            options.Rows,
            backend.Config.PromptTemplate,
            [.. options.Reports],
            [backend.Config],
            StartTimeoutSeconds: options.StartTimeoutSeconds);
    }

    private static void CheckSeconds(double seconds, string name)
    {
        if (!(seconds > 0 && seconds <= ConfigLoader.MaxTimeoutSeconds))
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{ConfigName}: {name} is {seconds}; give more than 0 and at most {ConfigLoader.MaxTimeoutSeconds} seconds."));
    }

    private string ConfigText(ConfiguredBackend backend, Dataset dataset, EvaluationOptions options)
    {
        var text = new StringBuilder("# Made by HarnessContext.Evaluation; harness eval runs the same with this config.\n");
        text.Append(CultureInfo.InvariantCulture, $"dataset: {Quote(Path.GetFullPath(dataset.Path))}\n");
        text.Append(CultureInfo.InvariantCulture, $"scenarios: [{options.Scenario}]\n");
        text.Append(CultureInfo.InvariantCulture, $"warmup: {options.Warmup}\ntimeout_s: {options.TimeoutSeconds}\nstart_timeout_s: {options.StartTimeoutSeconds}\n");
        text.Append(CultureInfo.InvariantCulture, $"seed: {_context.Bootstrap.Seed}\nlimit: {options.Rows}\n");
        text.Append(CultureInfo.InvariantCulture, $"reports: [{string.Join(", ", options.Reports.Select(Quote))}]\n");
        text.Append(CultureInfo.InvariantCulture, $"backends:\n  - label: {Quote(backend.Label)}\n    plugin: {Quote(backend.Plugin.Name)}\n");
        text.Append(CultureInfo.InvariantCulture, $"    options: {{ {string.Join(", ", backend.Options.Select(o => $"{Quote(o.Key)}: {Quote(o.Value)}"))} }}\n");
        text.Append(CultureInfo.InvariantCulture, $"    batch_size: {backend.BatchSize}\n");
        if (backend.Config.Isolation is { } isolation)
            text.Append("    isolation: ").Append(isolation == BackendIsolation.Process ? "process" : "in-process").Append('\n');
        return text.ToString();
    }

    // A JSON string is a YAML double-quoted scalar.
    private static string Quote(string value) => JsonSerializer.Serialize(value);

    // The temporary run folder of an evaluation that keeps none; a file still held open (an
    // antivirus, a slow child process) leaves it to the system's temporary-file cleaning.
    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
