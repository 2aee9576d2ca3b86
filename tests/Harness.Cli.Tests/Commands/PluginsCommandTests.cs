namespace Harness.Cli.Tests.Commands;

public class PluginsCommandTests
{
    private static string TestPlugins =>
        RepositoryRoot.PathOf("bin", "test-plugins");

    [Test]
    public void Plugins_lists_each_backend_with_its_options_and_reports_a_broken_plugin_by_name_with_the_reason()
    {
        var result = CliRunner.Run("plugins", "--plugins", TestPlugins);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.Match(@"(?m)^Replay \d+\.\d+\.\d+ "));
        Assert.That(result.Stdout, Does.Match(@"(?m)^Retrieval \d+\.\d+\.\d+ "));
        Assert.That(result.Stdout, Does.Contain("    train (required): "));
        Assert.That(result.Stdout, Does.Contain("    dataset (optional): "));
        Assert.That(result.Stdout, Does.Contain("  calls at once (concurrency): any, thread-safe"), "Replay and Retrieval only read what they loaded");
        Assert.That(result.Stdout, Does.Match(@"(?m)^failed to load:\n(.*\n)*  ThrowingPlugin \(.*\): InvalidOperationException: ThrowingPlugin refuses to load"));
    }
}
