namespace Harness.Backends;

/// <summary>What the host tells a backend about where it runs.</summary>
/// <param name="PluginDirectory">The plugin's own folder (its assembly and native files).</param>
/// <param name="BaseDirectory">The folder relative option paths are resolved against (the config file's folder).</param>
/// <param name="Log">Writes one line to the harness log.</param>
public sealed record BackendContext(string PluginDirectory, string BaseDirectory, Action<string> Log)
{
    /// <summary>Resolves a path from an option against <see cref="BaseDirectory"/>.</summary>
    public string ResolvePath(string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(BaseDirectory, path));
}
