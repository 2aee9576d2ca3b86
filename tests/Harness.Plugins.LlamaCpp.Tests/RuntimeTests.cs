using System.Reflection;
using System.Security.Cryptography;
using Harness.Backends;

namespace Harness.Plugins.LlamaCpp.Tests;

/// <summary>The plugin runs on LLamaSharp's llama.cpp and carries no binding of its own.</summary>
public class RuntimeTests
{
    [Test]
    public void The_plugin_declares_no_native_entry_points_of_its_own()
    {
        var imports = typeof(LlamaCppBackendFactory).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.Attributes.HasFlag(MethodAttributes.PinvokeImpl))
            .Select(m => $"{m.DeclaringType}.{m.Name}");
        Assert.That(imports, Is.Empty);
    }

    [Test]
    public async Task The_backend_names_its_model_file_hash_and_device_from_the_backend_package_in_the_plugin_folder()
    {
        Fixture.RequireNativeLibrary();
        var log = new List<string>();
        await using var backend = await new LlamaCppBackendFactory().CreateAsync(Fixture.Options(), Fixture.Context(log), CancellationToken.None);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Fixture.ModelPath)));
        Assert.That(backend.Info, Is.EqualTo(new BackendInfo("LlamaCpp", "llama-tiny.gguf", sha256, "cpu", true)));
        Assert.That(log, Has.Some.StartsWith("LlamaCpp: llama-tiny.gguf on cpu").And.Some.Contains("AvxLevel"));
    }
}
