using System.Collections.Immutable;
using Harness.Plugins;
using Harness.Running;

namespace Harness.Api;

/// <summary>
/// The backend plugins the context sees, and backends made from them by name
/// (<see cref="HarnessContext.Backends"/>). The plugin folders are searched once, when first needed.
/// </summary>
public sealed class BackendOperationsCatalog
{
    /// <summary>Where errors of <see cref="Create"/> say they come from.</summary>
    private const string Where = "HarnessContext.Backends.Create";

    private readonly Lazy<Found> _found;

    internal BackendOperationsCatalog(HarnessContext context)
    {
        var options = context.Options;
        _found = new Lazy<Found>(() =>
        {
            if (options.Backends is { } given)
                return new Found([], [.. given.Names.Select(n => given.Find(n, Where))], [], given);
            var directories = PluginDirectories.Default(options.PluginDirectory);
            var host = PluginHost.Load(directories);
            return new Found(directories, host.Backends, host.Failures, host.Catalog);
        });
    }

    /// <summary>The plugin folders searched, in priority order; empty when the context was given its backends (<see cref="HarnessContextOptions.Backends"/>).</summary>
    /// <exception cref="InputException"><see cref="HarnessContextOptions.PluginDirectory"/> does not exist.</exception>
    public IReadOnlyList<string> Directories => _found.Value.Directories;

    /// <summary>Every backend found, in discovery order, with its plugin's name, version, description and options.</summary>
    public ImmutableArray<LoadedBackend> All => _found.Value.Backends;

    /// <summary>Plugin folders that could not be loaded, each with the reason; the other plugins still load.</summary>
    public ImmutableArray<PluginLoadFailure> Failures => _found.Value.Failures;

    /// <summary>The backends by name (case-insensitive), as a run looks them up.</summary>
    public BackendCatalog Catalog => _found.Value.Catalog;

    /// <summary>
    /// A backend of the plugin named <paramref name="plugin"/> with <paramref name="options"/>: what
    /// one entry of eval.yaml's <c>backends</c> says. Nothing is loaded yet; an evaluation starts it.
    /// </summary>
    /// <param name="plugin">The backend's name, as <c>harness plugins</c> lists it (case-insensitive), e.g. <c>Retrieval</c>.</param>
    /// <param name="options">The plugin's options as text (e.g. <c>train</c> for Retrieval); relative paths resolve against <see cref="HarnessContextOptions.BaseDirectory"/>.</param>
    /// <param name="label">The result's name in reports and folders; default the backend's name. A folder-safe name.</param>
    /// <param name="batchSize">Requests per call in the offline scenario, 1 to 1,024.</param>
    /// <param name="isolation">Where it runs; null for the plugin's default (a child <c>harness</c> process for native code, which needs harness.dll beside this library).</param>
    /// <exception cref="InputException">No backend has that name, an option is not one the plugin has, the label is not folder-safe or the batch size is out of range; the message lists the valid values.</exception>
    public ConfiguredBackend Create(
        string plugin,
        IReadOnlyDictionary<string, string>? options = null,
        string? label = null,
        int batchSize = 1,
        BackendIsolation? isolation = null)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var loaded = Catalog.Find(plugin, Where);
        var values = ImmutableSortedDictionary.CreateRange(StringComparer.OrdinalIgnoreCase, options ?? ImmutableDictionary<string, string>.Empty);
        var known = loaded.Options.Select(o => o.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // A misspelt option would otherwise be ignored silently by the plugin.
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
            throw new InputException(
                $"{Where}: {loaded.Name} has no option '{unknown}'; valid: {(known.Count == 0 ? "(none)" : string.Join(", ", loaded.Options.Select(o => o.Name)))}.");
        var name = SafeName.Check(label ?? loaded.Name, $"{Where}: label");
        if (batchSize < 1 || batchSize > ConfigLoader.MaxBatchSize)
            throw new InputException($"{Where}: batch size {batchSize} is out of range; give 1 to {ConfigLoader.MaxBatchSize}.");
        return new ConfiguredBackend(
            loaded,
            new BackendConfig(name, loaded.Name, values, batchSize, EvalConfig.DefaultPromptTemplate, null, 0, Isolation: isolation));
    }

    private sealed record Found(
        IReadOnlyList<string> Directories, ImmutableArray<LoadedBackend> Backends, ImmutableArray<PluginLoadFailure> Failures, BackendCatalog Catalog);
}
