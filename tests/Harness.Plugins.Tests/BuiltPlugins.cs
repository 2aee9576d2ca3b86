using Harness.Backends;

namespace Harness.Plugins.Tests;

/// <summary>The plugins as built into the repository's bin folders, loaded through the real host.</summary>
internal static class BuiltPlugins
{
    public static string PluginsDirectory => RepositoryRoot.PathOf("bin", "plugins");

    public static string TestPluginsDirectory => RepositoryRoot.PathOf("bin", "test-plugins");

    public static PluginHost LoadHost(params string[] directories)
    {
        foreach (var dir in directories.Where(d => !Directory.Exists(d)))
            Assert.Fail($"{dir} is missing: build the test project (dotnet build tests/Harness.Plugins.Tests), which builds the plugins into it.");
        return PluginHost.Load(directories);
    }

    /// <summary>Creates the backend <paramref name="name"/> from the built plugins with <paramref name="options"/>.</summary>
    public static async Task<IBackend> CreateAsync(string name, string baseDirectory, params (string Key, string Value)[] options)
    {
        var loaded = LoadHost(PluginsDirectory).Catalog.Find(name, "test");
        var context = new BackendContext(loaded.Directory, baseDirectory, _ => { });
        return await loaded.Factory.CreateAsync(
            new BackendOptions(options.ToDictionary(o => o.Key, o => o.Value), "test"), context, CancellationToken.None);
    }
}
