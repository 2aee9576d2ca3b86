namespace Harness.Plugins.TorchSharp.Tests;

/// <summary>A fresh temporary folder per test, removed afterwards.</summary>
public abstract class WorkFolder
{
    protected string Work { get; private set; } = "";

    [SetUp]
    public void MakeWorkFolder() => Work = Directory.CreateTempSubdirectory("torchsharp-tests-").FullName;

    [TearDown]
    public void RemoveWorkFolder() => Directory.Delete(Work, recursive: true);
}
