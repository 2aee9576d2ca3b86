using System.Text.Json;
using Harness.Backends;
using Harness.Plugins.Onnx.Generation;
using Microsoft.ML.OnnxRuntime;

namespace Harness.Plugins.Onnx.Tests;

/// <summary>Paths of the committed fixture student and helpers to build the backend over it.</summary>
internal static class Fixture
{
    public static string RepoRoot => RepositoryRoot.Path;

    public static string Folder => Path.Combine(RepoRoot, "tests", "fixtures", "flan-t5-tiny");

    public static string Split => Path.Combine(Folder, "split");

    public static string Merged => Path.Combine(Folder, "merged");

    /// <summary>Where the build copied the plugin and ONNX Runtime's native library (from its package).</summary>
    public static string PluginDirectory => AppContext.BaseDirectory;

    /// <summary>Fails the test with what to do when ONNX Runtime's native library does not load.</summary>
    public static void RequireNativeLibrary()
    {
        try
        {
            OrtEnv.Instance().GetVersionString();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException)
        {
            Assert.Fail($"ONNX Runtime's native library did not load ({e.GetBaseException().Message}): rebuild the tests, which restores it from the package {CudaProvider.Package}.");
        }
    }

    public static async Task<IBackend> CreateAsync(string model, params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string> { ["model"] = model };
        foreach (var (k, v) in extra) values[k] = v;
        var lines = new List<string>();
        return await new OnnxBackendFactory().CreateAsync(new BackendOptions(values, "test.yaml: backends[0]"),
            new BackendContext(PluginDirectory, RepoRoot, lines.Add), CancellationToken.None);
    }

    public static IReadOnlyList<JsonElement> ReadJsonLines(string name) =>
        [.. File.ReadLines(Path.Combine(Folder, name)).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    public static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];
}
