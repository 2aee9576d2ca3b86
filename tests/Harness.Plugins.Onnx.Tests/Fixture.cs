using System.Text.Json;
using Harness.Backends;
using Harness.Plugins.Onnx.Native;

namespace Harness.Plugins.Onnx.Tests;

/// <summary>Paths of the committed fixture student and helpers to build the backend over it.</summary>
internal static class Fixture
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Folder => Path.Combine(RepoRoot, "tests", "fixtures", "flan-t5-tiny");

    public static string Split => Path.Combine(Folder, "split");

    public static string Merged => Path.Combine(Folder, "merged");

    /// <summary>Where the build copied the plugin (and the ONNX Runtime library, when installed).</summary>
    public static string PluginDirectory => AppContext.BaseDirectory;

    /// <summary>Fails the test with the install instruction when the native library is absent.</summary>
    public static void RequireNativeLibrary()
    {
        var path = Path.Combine(PluginDirectory, OrtRuntime.LibraryFileName);
        if (!File.Exists(path) && Environment.GetEnvironmentVariable("HARNESS_ORT_LIBRARY") is null)
            Assert.Fail($"ONNX Runtime is not installed ({path} is missing): run native/onnxruntime/install.sh, then rebuild.");
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

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harness.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Harness.sln not found above the test folder.");
    }
}
