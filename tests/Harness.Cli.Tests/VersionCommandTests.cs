namespace Harness.Cli.Tests;

public class VersionCommandTests
{
    [Test]
    public void Version_is_a_semantic_version()
    {
        Assert.That(Harness.HarnessVersion.Current, Does.Match(@"^\d+\.\d+\.\d+"));
    }
}
