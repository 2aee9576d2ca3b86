namespace Harness.Plugins.MlNet.Tests;

/// <summary>A temporary folder removed on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mlnet-test-").FullName;

    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The catalogue of the shipped dataset, beside this folder's train files.</summary>
    public void CopyCatalogue() =>
        File.Copy(RepositoryRoot.PathOf("datasets", "tonal-color", "filters.txt"), System.IO.Path.Combine(Path, "filters.txt"));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
