using System.Text.Json;
using Harness.Backends;

namespace Harness.Plugins.LlamaCpp.Tests;

/// <summary>The committed tiny Llama (tests/fixtures/llama-tiny) and how to reach the native library.</summary>
internal static class Fixture
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Directory => Path.Combine(TestContext.CurrentContext.TestDirectory, "fixtures", "llama-tiny");

    public static string ModelPath => Path.Combine(Directory, "llama-tiny.gguf");

    /// <summary>The test output folder: LLamaSharp's native files come to it under runtimes/ with the plugin's backend package.</summary>
    public static string PluginDirectory => TestContext.CurrentContext.TestDirectory;

    public static BackendContext Context(List<string>? log = null) =>
        new(PluginDirectory, Directory, line => log?.Add(line));

    /// <summary>Fails (never skips) with the instruction when the backend package's native files are missing.</summary>
    public static void RequireNativeLibrary()
    {
        var native = Path.Combine(PluginDirectory, "runtimes");
        if (!System.IO.Directory.Exists(native) || !System.IO.Directory.EnumerateFiles(native, "*llama*", SearchOption.AllDirectories).Any())
            Assert.Fail($"LLamaSharp's llama.cpp libraries are missing under {native}: restore and rebuild (dotnet build tests/Harness.Plugins.LlamaCpp.Tests); they come with the plugin's backend package (LLamaSharp.Backend.Cpu).");
    }

    public static BackendOptions Options(params (string Key, string Value)[] values)
    {
        var map = new Dictionary<string, string> { ["model"] = "llama-tiny.gguf", ["threads"] = "1" };
        foreach (var (k, v) in values) map[k] = v;
        return new BackendOptions(map, "test.yaml: backends[0]");
    }

    /// <summary>The encoder-decoder fixture (tests/fixtures/t5-tiny).</summary>
    public static string T5Directory => Path.Combine(TestContext.CurrentContext.TestDirectory, "fixtures", "t5-tiny");

    public static Reference LoadReference(string? directory = null)
    {
        using var stream = File.OpenRead(Path.Combine(directory ?? Directory, "reference.json"));
        return JsonSerializer.Deserialize<Reference>(stream, SnakeCase)!;
    }
}

internal sealed record Reference(string Model, int MaxNewTokens, List<ReferenceCase> Cases);

internal sealed record ReferenceCase(string Prompt, int[] PromptIds, int[] OutputIds, double[] Margins);
