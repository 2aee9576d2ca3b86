using System.Collections.Immutable;
using Harness.Plugins;
using Harness.Running;

namespace Harness.Api;

/// <summary>
/// A backend a plugin will create, with its options and label
/// (<see cref="BackendOperationsCatalog.Create"/>); each evaluation starts it and disposes of it.
/// </summary>
public sealed class ConfiguredBackend
{
    internal ConfiguredBackend(LoadedBackend plugin, BackendConfig config)
    {
        Plugin = plugin;
        Config = config;
    }

    /// <summary>The result's name in reports and folders.</summary>
    public string Label => Config.Label;

    /// <summary>The plugin's backend: name, version, folder and the options it understands.</summary>
    public LoadedBackend Plugin { get; }

    /// <summary>The options the plugin is given, as text.</summary>
    public ImmutableSortedDictionary<string, string> Options => Config.Options;

    /// <summary>Requests per call in the offline scenario.</summary>
    public int BatchSize => Config.BatchSize;

    /// <summary>The entry of a config's <c>backends</c> this stands for.</summary>
    internal BackendConfig Config { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Label} ({Plugin.Name})";
}
