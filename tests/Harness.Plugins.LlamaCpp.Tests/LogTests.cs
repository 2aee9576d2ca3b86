namespace Harness.Plugins.LlamaCpp.Tests;

/// <summary>llama.cpp's log reaches the harness log only at the chosen level.</summary>
public class LogTests
{
    [Test]
    public async Task Llama_log_is_quiet_by_default_and_routed_at_info()
    {
        Fixture.RequireNativeLibrary();
        var quiet = new List<string>();
        await using (await new LlamaCppBackendFactory().CreateAsync(Fixture.Options(), Fixture.Context(quiet), CancellationToken.None)) { }
        var chatty = new List<string>();
        await using (await new LlamaCppBackendFactory().CreateAsync(Fixture.Options(("log_level", "info")), Fixture.Context(chatty), CancellationToken.None)) { }
        Assert.That(quiet.Where(l => l.StartsWith("llama.cpp:", StringComparison.Ordinal)), Is.Empty);
        Assert.That(chatty.Where(l => l.StartsWith("llama.cpp:", StringComparison.Ordinal)), Is.Not.Empty);
    }
}
