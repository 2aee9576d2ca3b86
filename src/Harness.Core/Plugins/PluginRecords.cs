using Harness.Backends;

namespace Harness.Plugins;

/// <summary>A backend factory found in a plugin folder.</summary>
/// <param name="Plugin">The plugin (folder) name.</param>
/// <param name="Version">The plugin assembly's informational version.</param>
/// <param name="Directory">The plugin folder, passed to backends as <see cref="BackendContext.PluginDirectory"/>.</param>
/// <param name="Factory">The factory instance.</param>
public sealed record LoadedBackend(string Plugin, string Version, string Directory, IBackendFactory Factory)
{
    /// <summary>The name configs use (the factory's <see cref="IBackendFactory.Name"/>).</summary>
    public string Name => Factory.Name;
}

/// <summary>A plugin folder that could not be loaded, and why.</summary>
/// <param name="Name">The plugin (folder) name.</param>
/// <param name="Directory">The folder it was loaded from.</param>
/// <param name="Reason">One line on what went wrong.</param>
public sealed record PluginLoadFailure(string Name, string Directory, string Reason);
