using Harness.Plugins;

namespace Harness.Testing;

/// <summary>The repository root (the folder holding Harness.sln) above the test binaries, for committed files and built outputs.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
        PluginDirectories.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new AssertionException($"No Harness.sln above {AppContext.BaseDirectory}; run the tests from a clone of the repository."));

    /// <summary>The root folder; fails the test when the binaries are not inside a clone.</summary>
    public static string Path => Root.Value;

    /// <summary>A path under the root, e.g. <c>PathOf("datasets", "tonal-color", "test.jsonl")</c>.</summary>
    public static string PathOf(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
