using Harness.Datasets;

namespace Harness.Core.Tests.Datasets;

public class DatasetStatisticsTests
{
    [Test]
    public void Repeats_buckets_count_every_row_once_up_to_the_open_hundreds_bucket()
    {
        using var fixture = new DatasetFixture();
        int[] repeats = [1, 2, 4, 9, 19, 20, 99, 100, 2000];
        var rows = repeats.Select((r, i) => DatasetFixture.Row($"test-{i:00000}", $"intent {i}", r, DatasetFixture.Adjust(10), null, null)).ToArray();

        var stats = DatasetStatistics.From(DatasetLoader.Load(fixture.Write("test.jsonl", rows), fixture.FiltersPath));

        Assert.That(stats.Repeats.Select(b => (b.Label, b.Rows)), Is.EqualTo(new[]
        {
            ("1", 1), ("2", 1), ("3–4", 1), ("5–9", 1), ("10–19", 1), ("20–99", 2), ("100+", 2),
        }));
        Assert.That((stats.MaxRepeats, stats.MeanRepeats), Is.EqualTo((2000, repeats.Average())));
        Assert.That(stats.ToText(), Does.Contain("repeats: 1: 1, 2: 1, 3–4: 1, 5–9: 1, 10–19: 1, 20–99: 2, 100+: 2\n"));
    }
}
