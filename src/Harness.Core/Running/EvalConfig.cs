using System.Collections.Immutable;

namespace Harness.Running;

/// <summary>A validated <c>eval.yaml</c>: what to run, over which rows, in which scenarios. Paths are absolute.</summary>
/// <param name="SourcePath">The config file.</param>
/// <param name="Text">Its text, recorded in run.json.</param>
/// <param name="Sha256">SHA-256 of its text; <c>--resume</c> refuses when it changed.</param>
/// <param name="Dataset">The dataset split to run over.</param>
/// <param name="Filters">The filter catalogue file, or null for the loader's default.</param>
/// <param name="Scenarios">Scenario names (<see cref="Runs.ScenarioNames"/>), in run order.</param>
/// <param name="Warmup">Leading intents run and recorded but excluded from latency, throughput and cost.</param>
/// <param name="TimeoutSeconds">Limit of one backend call (a batch gets this times its size).</param>
/// <param name="Seed">Bootstrap seed.</param>
/// <param name="Limit">0 for every row, otherwise the first <c>Limit</c> rows.</param>
/// <param name="PromptTemplate">Default prompt template; <c>{tool}</c> and <c>{intent}</c> are replaced.</param>
/// <param name="Reports">Report writer names.</param>
/// <param name="Backends">The backends, in config order.</param>
/// <param name="Floor">The label of the backend whose overall is the floor line in reports (<c>floor:</c>), or null to recognise it by name.</param>
/// <param name="Ceiling">The label of the ceiling backend (<c>ceiling:</c>, the best score the data allows: the oracle), or null to recognise it by name.</param>
/// <param name="StartTimeoutSeconds">Limit of starting one backend (loading its model) and of shutting it down (<c>start_timeout_s</c>).</param>
/// <param name="Teacher">The label of the teacher backend (<c>teacher:</c>, the ground truth replayed), or null to recognise it by name.</param>
/// <param name="ImageMetric">The image-space metric's photos, LUTs and size (<c>image_metric:</c>), or null for none.</param>
/// <param name="Server">The <c>server</c> scenario's settings (<c>server:</c>), or null when it is not configured.</param>
public sealed record EvalConfig(
    string SourcePath,
    string Text,
    string Sha256,
    string Dataset,
    string? Filters,
    ImmutableArray<string> Scenarios,
    int Warmup,
    double TimeoutSeconds,
    int Seed,
    int Limit,
    string PromptTemplate,
    ImmutableArray<string> Reports,
    ImmutableArray<BackendConfig> Backends,
    string? Floor = null,
    string? Ceiling = null,
    double StartTimeoutSeconds = EvalConfig.DefaultStartTimeoutSeconds,
    string? Teacher = null,
    ImageMetricConfig? ImageMetric = null,
    ServerConfig? Server = null)
{
    /// <summary>The default of <c>warmup</c>: leading intents excluded from latency, throughput and cost.</summary>
    public const int DefaultWarmup = 5;

    /// <summary>The default of <c>timeout_s</c>, the limit of one backend call in seconds.</summary>
    public const double DefaultTimeoutSeconds = 60;

    /// <summary>The default of <c>start_timeout_s</c>: a 7B GGUF loads in well under a minute on CPU.</summary>
    public const double DefaultStartTimeoutSeconds = 300;

    /// <summary>The spec's concise template (§3).</summary>
    public const string DefaultPromptTemplate = "tool: {tool}\nintent: {intent}";

    /// <summary>The folder relative paths in the config are resolved against.</summary>
    public string BaseDirectory => Path.GetDirectoryName(SourcePath)!;
}

/// <summary>One backend of a config.</summary>
/// <param name="Label">Unique name of this entry in reports and folder names.</param>
/// <param name="Plugin">The backend factory name.</param>
/// <param name="Options">Options passed to the factory, as strings.</param>
/// <param name="BatchSize">Requests per call in the offline scenario (1 = no batching).</param>
/// <param name="PromptTemplate">The model configuration's template (defaults to the config's).</param>
/// <param name="Cost">How cost is computed, or null when not configured.</param>
/// <param name="Index">Position in <c>backends</c>, for messages.</param>
/// <param name="ModelId">
/// Optional name of the weights this backend runs (<c>model_id</c>): backends declaring the same one
/// carry the same model through a different engine or file format, and the report shows how far
/// their outputs agree. Null when not declared.
/// </param>
/// <param name="Isolation">
/// Where the backend runs (<c>isolation</c>): in the harness process, or in a child <c>harness</c> process
/// so that a native crash or a hang fails only this backend. Null for the plugin's default
/// (a child process for plugins that load native code).
/// </param>
/// <param name="TargetQps">This backend's offered load in the server scenario (<c>target_qps</c>), or null for the scenario's.</param>
/// <param name="Concurrency">
/// How many calls the server scenario's load generator gives the backend at once (<c>concurrency</c>, 1 to
/// <see cref="MaxConcurrency"/>); more than 1 only where the plugin says it is thread-safe
/// (<see cref="Backends.IBackendFactory.MaxConcurrency"/>) and the backend runs in process.
/// </param>
public sealed record BackendConfig(
    string Label,
    string Plugin,
    ImmutableSortedDictionary<string, string> Options,
    int BatchSize,
    string PromptTemplate,
    CostConfig? Cost,
    int Index,
    string? ModelId = null,
    BackendIsolation? Isolation = null,
    double? TargetQps = null,
    int Concurrency = 1)
{
    /// <summary>The most calls at once a config may ask for (<c>concurrency</c>).</summary>
    public const int MaxConcurrency = 64;

    /// <summary>The isolation the config asks for, else the plugin's default: a child process for native code loaded from a plugin folder.</summary>
    public BackendIsolation IsolationWith(Plugins.LoadedBackend plugin) =>
        Isolation ?? (plugin.LoadsNativeCode && plugin.FromFolder ? BackendIsolation.Process : BackendIsolation.InProcess);
}

/// <summary>Where a backend runs.</summary>
public enum BackendIsolation
{
    /// <summary>In the harness process: cheapest; a native crash ends the whole run.</summary>
    InProcess,

    /// <summary>In a child <c>harness</c> process speaking a line protocol: a crash, an exit or a hang fails only this backend.</summary>
    Process,
}

/// <summary>
/// Prices (spec §5): a local model gives <paramref name="UsdPerHour"/> (hardware price);
/// an API model gives per-1,000-token prices.
/// </summary>
public sealed record CostConfig(double? UsdPerHour, double? UsdPer1kInputTokens, double? UsdPer1kOutputTokens);

/// <summary>
/// The config's <c>image_metric</c>: render each intent's teacher and backend tool calls on the
/// photos of <see cref="Images"/> (scaled to <see cref="Size"/> pixels on the long side) with the
/// filters' LUTs from <see cref="Luts"/>, and report the CIEDE2000 difference per backend.
/// </summary>
/// <param name="Images">Folder of sample photos (PNG, JPEG, WebP).</param>
/// <param name="Luts">Folder of <c>.cube</c> files, one per catalogue filter.</param>
/// <param name="Size">Long side of the photos the metric renders at, in pixels.</param>
public sealed record ImageMetricConfig(string Images, string Luts, int Size = ImageMetricConfig.DefaultSize)
{
    /// <summary>The default size: 64 px keeps the metric within a fifth of the main job's time on 2 cores.</summary>
    public const int DefaultSize = 64;
}
