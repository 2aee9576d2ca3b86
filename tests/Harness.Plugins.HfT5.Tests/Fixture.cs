using System.Text.Json;
using Harness.Backends;

namespace Harness.Plugins.HfT5.Tests;

/// <summary>Paths of the committed fixture student and helpers to build the backend over it.</summary>
internal static class Fixture
{
    public static string RepoRoot => RepositoryRoot.Path;

    public static string Folder => Path.Combine(RepoRoot, "tests", "fixtures", "flan-t5-tiny");

    public static int ReferenceMaxNewTokens { get; } = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "reference-settings.json")))
        .RootElement.GetProperty("max_new_tokens").GetInt32();

    public static async Task<IBackend> CreateAsync(string model, params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string> { ["model"] = model };
        foreach (var (k, v) in extra) values[k] = v;
        return await new HfT5BackendFactory().CreateAsync(new BackendOptions(values, "test.yaml: backends[0]"),
            new BackendContext(AppContext.BaseDirectory, RepoRoot, _ => { }), CancellationToken.None);
    }

    /// <summary>A temporary copy of the fixture's checkpoint files (config, weights, tokenizer).</summary>
    public static string CopyCheckpoint(string work)
    {
        var folder = Path.Combine(work, "flan-t5-tiny");
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "config.json", "model.safetensors", "tokenizer.json" })
            File.Copy(Path.Combine(Folder, name), Path.Combine(folder, name));
        return folder;
    }

    public static IReadOnlyList<JsonElement> ReadJsonLines(string name) =>
        [.. File.ReadLines(Path.Combine(Folder, name)).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    public static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];
}
