using System.Text.Json;
using Harness.Backends;
using Harness.Plugins.TorchSharpT5;

namespace Harness.Plugins.TorchSharp.Tests;

/// <summary>The committed fixture student and the shipped student, and the TorchSharp backend over them.</summary>
internal static class Fixture
{
    public static string RepoRoot => RepositoryRoot.Path;

    /// <summary>The random-weight T5 v1.1 fixture with PyTorch's greedy reference outputs.</summary>
    public static string Folder => Path.Combine(RepoRoot, "tests", "fixtures", "flan-t5-tiny");

    /// <summary>The distilled student the main job evaluates.</summary>
    public static string Student => Path.Combine(RepoRoot, "models", "flan-t5-student");

    public static int ReferenceMaxNewTokens { get; } = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "reference-settings.json")))
        .RootElement.GetProperty("max_new_tokens").GetInt32();

    public static IReadOnlyList<JsonElement> References { get; } = ReadJsonLines("reference-outputs.jsonl");

    public static IReadOnlyList<JsonElement> ReadJsonLines(string name) =>
        [.. File.ReadLines(Path.Combine(Folder, name)).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    public static Task<IBackend> CreateAsync(string model, params (string Key, string Value)[] extra) =>
        CreateAsync(new TorchSharpBackendFactory(), model, extra);

    public static async Task<IBackend> CreateAsync(IBackendFactory factory, string model, params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string> { ["model"] = model };
        foreach (var (k, v) in extra) values[k] = v;
        return await factory.CreateAsync(new BackendOptions(values, "test.yaml: backends[0]"),
            new BackendContext(AppContext.BaseDirectory, RepoRoot, _ => { }), CancellationToken.None);
    }

    public static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];
}
