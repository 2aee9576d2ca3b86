namespace Harness.Distill.Tests;

/// <summary>Where the repository and its models are.</summary>
internal static class Repo
{
    public static string Root => RepositoryRoot.Path;

    public static string ModelsFolder => Path.Combine(Root, "models");
}
