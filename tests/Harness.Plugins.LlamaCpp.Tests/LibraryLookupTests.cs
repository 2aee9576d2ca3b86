namespace Harness.Plugins.LlamaCpp.Tests;

/// <summary>Option <c>llama_library</c> takes a file or a folder before the plugin folder is searched.</summary>
public class LibraryLookupTests
{
    [TestCase(false)]
    [TestCase(true)]
    public async Task The_llama_library_option_accepts_the_library_file_or_its_folder(bool asFile)
    {
        Fixture.RequireNativeLibrary();
        var file = Directory.EnumerateFiles(Fixture.PluginDirectory, "libllama.*.so").Single();
        var options = Fixture.Options(("llama_library", asFile ? file : Fixture.PluginDirectory));
        await using var backend = await new LlamaCppBackendFactory().CreateAsync(options, Fixture.Context(), CancellationToken.None);
        Assert.That(backend.Info, Is.EqualTo(new Harness.Backends.BackendInfo("LlamaCpp", "llama-tiny.gguf",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Fixture.ModelPath))), "cpu", true)));
    }
}
