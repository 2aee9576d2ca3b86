using Harness.Datasets;
using Harness.Tools;

namespace Harness.DataGen.Tests;

public class DatasetGeneratorTests
{
    [Test]
    public void Same_seed_gives_identical_bytes()
    {
        var first = DatasetGenerator.Generate(17).Files();
        var second = DatasetGenerator.Generate(17).Files();

        Assert.That(second.Select(f => f.Key), Is.EqualTo(first.Select(f => f.Key)));
        for (var i = 0; i < first.Length; i++)
            Assert.That(ByteComparison.FirstDifference(first[i].Value, second[i].Value), Is.Null, first[i].Key);
    }

    [Test]
    public void Different_seeds_give_different_splits()
    {
        var a = DatasetGenerator.Generate(17).Files().ToDictionary(f => f.Key, f => f.Value);
        var b = DatasetGenerator.Generate(18).Files().ToDictionary(f => f.Key, f => f.Value);

        Assert.That(ByteComparison.FirstDifference(a["train.jsonl"], b["train.jsonl"]), Is.Not.Null);
        Assert.That(ByteComparison.FirstDifference(a["test.jsonl"], b["test.jsonl"]), Is.Not.Null);
    }

    [TestCase(DatasetGenerator.DefaultSeed)]
    [TestCase(1L)]
    [TestCase(-99L)]
    public void Splits_have_the_papers_exact_sizes_and_used_counts(long seed)
    {
        var data = seed == DatasetGenerator.DefaultSeed ? GeneratedData.Default : DatasetGenerator.Generate(seed);

        Assert.Multiple(() =>
        {
            Assert.That(UsedCounts(data.Train), Is.EqualTo(new[] { 8252, 7570, 2647, 5448 }));
            Assert.That(UsedCounts(data.Test), Is.EqualTo(new[] { 1000, 912, 356, 683 }));
        });
    }

    [Test]
    public void Ids_are_numbered_per_split_and_unique_across_splits()
    {
        var data = GeneratedData.Default;

        Assert.That(data.Train.Rows[0].Id, Is.EqualTo("train-00001"));
        Assert.That(data.Train.Rows[^1].Id, Is.EqualTo("train-08252"));
        Assert.That(data.Test.Rows[0].Id, Is.EqualTo("test-00001"));
        Assert.That(data.Test.Rows[^1].Id, Is.EqualTo("test-01000"));
        Assert.That(AllRows(data).Select(r => r.Id), Is.Unique);
    }

    [Test]
    public void Intents_are_unique_within_and_across_splits_ignoring_case_and_spacing()
    {
        var keys = AllRows(GeneratedData.Default).Select(r => string.Join(' ', r.Intent.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)));

        Assert.That(keys, Is.Unique);
    }

    [Test]
    public void Every_value_is_a_multiple_of_five_within_its_range()
    {
        foreach (var row in AllRows(GeneratedData.Default))
        {
            foreach (var setting in row.Teacher.Values)
            {
                var values = setting switch
                {
                    VectorSetting v => v.Values.ToArray(),
                    FilterSetting f => [f.Intensity],
                    _ => [],
                };
                var (min, max) = setting is FilterSetting ? (ToolSchema.IntensityMin, ToolSchema.IntensityMax) : (ToolSchema.ParameterMin, ToolSchema.ParameterMax);
                Assert.That(values, Has.All.InRange(min, max), row.Id);
                Assert.That(values.Select(v => v % 5), Has.All.EqualTo(0), row.Id);
            }
        }
    }

    [Test]
    public void Every_teacher_filter_is_in_the_catalogue()
    {
        var data = GeneratedData.Default;
        var names = AllRows(data).Select(r => r.TeacherFor(ToolName.Filter)).OfType<FilterSetting>().Select(f => f.Name).Distinct();

        Assert.That(names, Is.SubsetOf(data.Filters));
        Assert.That(data.Filters, Is.Unique);
    }

    [Test]
    public void Repeats_are_heavy_tailed_so_r3_and_r5_are_sizeable_subsets()
    {
        var rows = GeneratedData.Default.Train.Rows;
        var r3 = rows.Count(r => r.Repeats >= 3) / (double)rows.Length;
        var r5 = rows.Count(r => r.Repeats >= 5) / (double)rows.Length;

        Assert.That(rows.Select(r => r.Repeats), Has.All.GreaterThanOrEqualTo(1));
        Assert.That(r3, Is.InRange(0.2, 0.4));
        Assert.That(r5, Is.InRange(0.1, 0.25));
        Assert.That(rows.Max(r => r.Repeats), Is.GreaterThanOrEqualTo(100), "a heavy tail has some very popular intents");
    }

    [Test]
    public void Exports_are_at_most_the_repeats_and_zero_for_unused_tools()
    {
        foreach (var row in AllRows(GeneratedData.Default))
        {
            foreach (var tool in ToolSchema.All)
            {
                var exports = row.Exports![tool];
                Assert.That(exports, Is.InRange(0, row.Repeats), row.Id);
                if (row.TeacherFor(tool) is null) Assert.That(exports, Is.Zero, row.Id);
            }
        }
    }

    internal static int[] UsedCounts(GeneratedSplit split) =>
        [split.Rows.Length, .. ToolSchema.All.Select(t => split.Rows.Count(r => r.TeacherFor(t) is not null))];

    internal static IEnumerable<DatasetRow> AllRows(GeneratedDataset data) => data.Train.Rows.Concat(data.Test.Rows);
}
