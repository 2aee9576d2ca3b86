namespace Harness.DataGen.Tests;

/// <summary>Finds the repository root (the folder holding Harness.sln) above the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harness.sln"))) return dir.FullName;
        }
        Assert.Fail($"No Harness.sln above {TestContext.CurrentContext.TestDirectory}; run the tests from a clone of the repository.");
        return "";
    }
}
