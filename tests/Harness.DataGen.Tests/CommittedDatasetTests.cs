namespace Harness.DataGen.Tests;

public class CommittedDatasetTests
{
    [Test]
    public void Committed_dataset_is_what_the_default_seed_generates()
    {
        var committed = Path.Combine(RepositoryRoot.Find(), "datasets", "tonal-color");
        var fresh = Path.Combine(Path.GetTempPath(), "harness-datagen-" + Guid.NewGuid().ToString("N"));
        try
        {
            GeneratedData.Default.WriteTo(fresh);
            foreach (var name in new[] { "train.jsonl", "test.jsonl", "train.oracle.jsonl", "test.oracle.jsonl", "filters.txt", "README.md" })
            {
                var path = Path.Combine(committed, name);
                Assert.That(File.Exists(path), Is.True, $"{path} is missing; run: dotnet run --project src/Harness.Cli -- datagen --seed {DatasetGenerator.DefaultSeed} --out datasets/tonal-color");
                var difference = ByteComparison.FirstDifference(File.ReadAllBytes(path), File.ReadAllBytes(Path.Combine(fresh, name)));
                Assert.That(difference, Is.Null,
                    $"datasets/tonal-color/{name} differs from what seed {DatasetGenerator.DefaultSeed} generates; if the generator changed on purpose, regenerate with: dotnet run --project src/Harness.Cli -- datagen --seed {DatasetGenerator.DefaultSeed} --out datasets/tonal-color");
            }
        }
        finally
        {
            if (Directory.Exists(fresh)) Directory.Delete(fresh, recursive: true);
        }
    }
}
