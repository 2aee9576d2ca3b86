namespace Harness.Cli.Tests;

public class VersionCommandTests
{
    [Test]
    public void Version_is_a_semantic_version()
    {
        Assert.That(Harness.HarnessVersion.Current, Does.Match(@"^\d+\.\d+\.\d+"));
    }

    [Test]
    public void Version_prints_through_the_invocations_output()
    {
        var result = CliRunner.Run("version");

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Stdout, Is.EqualTo(Harness.HarnessVersion.Current + "\n"));
    }
}
