using Harness.Datasets;

namespace Harness.DataGen.Tests;

public class CommittedDatasetTests
{
    [Test]
    public void Committed_dataset_is_what_the_default_seed_generates()
    {
        var committed = RepositoryRoot.PathOf("datasets", "tonal-color");
        var fresh = Path.Combine(Path.GetTempPath(), "harness-datagen-" + Guid.NewGuid().ToString("N"));
        try
        {
            GeneratedData.Default.WriteTo(fresh);
            foreach (var name in new[] { "train.jsonl", "test.jsonl", "train.oracle.jsonl", "test.oracle.jsonl", "validation.jsonl", "filters.txt", "README.md" })
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

    [Test]
    public void The_cards_repeats_table_shows_the_buckets_validate_reports()
    {
        var committed = RepositoryRoot.PathOf("datasets", "tonal-color");
        var train = DatasetStatistics.From(DatasetLoader.Load(Path.Combine(committed, "train.jsonl")));
        var test = DatasetStatistics.From(DatasetLoader.Load(Path.Combine(committed, "test.jsonl")));
        var card = File.ReadAllText(Path.Combine(committed, "README.md"));

        var table = string.Concat(train.Repeats.Zip(test.Repeats, (a, b) => FormattableString.Invariant($"| {a.Label} | {a.Rows:N0} | {b.Rows:N0} |\n")));

        Assert.That(card, Does.Contain("| repeats | train rows | test rows |\n|---|---|---|\n" + table + "\n"));
        Assert.That(train.Repeats.Sum(b => b.Rows), Is.EqualTo(train.Rows));
    }
}
