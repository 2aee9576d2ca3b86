namespace Harness.Distill.Tests;

/// <summary>Where the repository is, found from the test's own folder.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string ModelsFolder => Path.Combine(Root, "models");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Harness.sln"))) return dir.FullName;
        throw new InvalidOperationException("Harness.sln not found above " + AppContext.BaseDirectory);
    }
}
