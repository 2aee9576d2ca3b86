using System.Text.Json;
using Harness.Backends;
using Harness.Tools;

namespace Harness.Plugins.TorchSharp.Tests;

/// <summary>The main job's calls for the shipped student: each test intent once per tool, with the default concise prompt.</summary>
internal static class Student
{
    public static IReadOnlyList<ToolRequest> Requests(int intents) =>
        [.. File.ReadLines(Path.Combine(Fixture.RepoRoot, "datasets", "tonal-color", "test.jsonl")).Take(intents)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .SelectMany(row => ToolSchema.All.Select(tool => new ToolRequest(row.GetProperty("id").GetString()!, row.GetProperty("intent").GetString()!,
                tool, $"tool: {tool.WireName()}\nintent: {row.GetProperty("intent").GetString()}")))];
}
