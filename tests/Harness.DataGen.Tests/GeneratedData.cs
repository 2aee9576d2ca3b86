namespace Harness.DataGen.Tests;

/// <summary>The default-seed dataset, generated once for all tests that only read it.</summary>
internal static class GeneratedData
{
    private static readonly Lazy<GeneratedDataset> Lazy = new(() => DatasetGenerator.Generate(DatasetGenerator.DefaultSeed));

    public static GeneratedDataset Default => Lazy.Value;
}
