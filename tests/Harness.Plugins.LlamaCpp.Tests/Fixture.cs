using System.Text.Json;
using Harness.Backends;

namespace Harness.Plugins.LlamaCpp.Tests;

/// <summary>The committed tiny Llama (tests/fixtures/llama-tiny) and how to reach the native library.</summary>
internal static class Fixture
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Directory => Path.Combine(TestContext.CurrentContext.TestDirectory, "fixtures", "llama-tiny");

    public static string ModelPath => Path.Combine(Directory, "llama-tiny.gguf");

    /// <summary>The test output folder holds the native files when install.sh ran before the build.</summary>
    public static string PluginDirectory => TestContext.CurrentContext.TestDirectory;

    public static BackendContext Context(List<string>? log = null) =>
        new(PluginDirectory, Directory, line => log?.Add(line));

    /// <summary>Fails (never skips) with the instruction when the llama.cpp build is missing.</summary>
    public static void RequireNativeLibrary()
    {
        var env = Environment.GetEnvironmentVariable("HARNESS_LLAMA_LIBRARY");
        var found = !string.IsNullOrEmpty(env)
            || System.IO.Directory.EnumerateFiles(PluginDirectory, "libllama*.so").Any();
        if (!found)
            Assert.Fail("The llama.cpp libraries are missing: run native/llama-cpp/install.sh, then rebuild (dotnet build tests/Harness.Plugins.LlamaCpp.Tests).");
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
        return JsonSerializer.Deserialize<Reference>(stream, s_json)!;
    }
}

internal sealed record Reference(string Model, int MaxNewTokens, List<ReferenceCase> Cases);

internal sealed record ReferenceCase(string Prompt, int[] PromptIds, int[] OutputIds, double[] Margins);
