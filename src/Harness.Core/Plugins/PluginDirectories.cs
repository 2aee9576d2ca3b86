namespace Harness.Plugins;

/// <summary>Where the host looks for plugin folders, in priority order.</summary>
public static class PluginDirectories
{
    /// <summary>The environment variable that adds plugin directories (path-separator separated).</summary>
    public const string EnvironmentVariable = "HARNESS_PLUGINS";

    /// <summary>
    /// <paramref name="explicitDirectory"/> (<c>--plugins</c>), then <c>HARNESS_PLUGINS</c>,
    /// (which must exist), then <c>plugins/</c> beside the harness, then <c>bin/plugins/</c> of the repository
    /// the harness was built in (found by walking up to <c>Harness.sln</c>).
    /// </summary>
    public static IReadOnlyList<string> Default(string? explicitDirectory = null)
    {
        var dirs = new List<string>();
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            if (!Directory.Exists(explicitDirectory))
                throw new InputException($"--plugins {explicitDirectory}: folder not found; pass a folder holding <Name>/<Name>.dll plugin folders.");
            dirs.Add(explicitDirectory);
        }
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
            dirs.AddRange(env.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        dirs.Add(Path.Combine(AppContext.BaseDirectory, "plugins"));
        if (FindRepositoryRoot(AppContext.BaseDirectory) is { } root)
            dirs.Add(Path.Combine(root, "bin", "plugins"));
        return [.. dirs.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding Harness.sln, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harness.sln"))) return dir.FullName;
        }
        return null;
    }
}
