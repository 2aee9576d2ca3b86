using System.Text.Json;
using Harness.Backends;
using Harness.Tools;

namespace Harness.Plugins.Tests;

/// <summary>Small dataset and prediction files written to a temporary folder.</summary>
internal sealed class TestData : IDisposable
{
    public TestData() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "harness-plugin-tests", Guid.NewGuid().ToString("N"));

    /// <summary>An adjust object with <c>exposure</c> set to <paramref name="exposure"/>, the rest 0.</summary>
    public static Dictionary<string, object> Adjust(int exposure) =>
        ToolSchema.AdjustParameters.ToDictionary(p => p, p => (object)(p == "exposure" ? exposure : 0));

    public static Dictionary<string, object> Filter(string name, int intensity) => new() { ["name"] = name, ["intensity"] = intensity };

    /// <summary>A dataset row with the given teacher outputs (null = tool not used).</summary>
    public static object Row(string id, string intent, object? adjust, object? filter, int repeats = 1) => new
    {
        id,
        intent,
        repeats,
        teacher = new Dictionary<string, object?> { ["adjust"] = adjust, ["selective_adjust"] = null, ["filter"] = filter },
    };

    public string Write(string name, params object[] rows)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllLines(path, rows.Select(r => JsonSerializer.Serialize(r)));
        return path;
    }

    public static async Task<string?> AskAsync(IBackend backend, string id, string intent, ToolName tool) =>
        (await backend.GenerateAsync([new ToolRequest(id, intent, tool, $"tool: {tool.WireName()}\nintent: {intent}")], CancellationToken.None))[0].Text;

    public void Dispose()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
