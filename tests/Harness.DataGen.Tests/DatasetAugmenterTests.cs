using Harness.Datasets;
using Harness.Metrics;
using Harness.Tools;

namespace Harness.DataGen.Tests;

public class DatasetAugmenterTests
{
    // Rows whose concepts have at least three unused phrasings: one, two and three concepts, and
    // degree words of strength 1.5 ("a lot more depth") and 0.6 ("a bit dreamy").
    private static readonly string[] Mistaken = ["train-00001", "train-00002", "train-00009", "train-00012", "train-00018"];

    private static readonly GeneratedDataset Data = GeneratedData.Default;
    private static readonly Dictionary<string, DatasetRow> TrainById = Data.Train.Rows.ToDictionary(r => r.Id);

    [Test]
    public void Each_mistaken_row_gets_k_new_rows_with_one_repeat_and_no_exports()
    {
        var augmented = DatasetAugmenter.Augment(Data, MistakesOf(Mistaken), 3, seed: 1);

        Assert.That(augmented.Rows.Select(r => r.Id), Is.EqualTo(Enumerable.Range(1, 15).Select(i => $"aug-{i:D5}")));
        Assert.That(augmented.SourceIds, Is.EqualTo(Mistaken.SelectMany(id => Enumerable.Repeat(id, 3))));
        Assert.That(augmented.Rows.Select(r => r.Repeats), Has.All.EqualTo(1));
        Assert.That(augmented.Rows.Select(r => r.Exports), Has.All.Null);
        Assert.That(augmented.ShortOf, Is.Empty);
    }

    [Test]
    public void The_same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        var first = DatasetRowWriter.ToBytes(DatasetAugmenter.Augment(Data, MistakesOf(Mistaken), 2, seed: 7).Rows);
        var again = DatasetRowWriter.ToBytes(DatasetAugmenter.Augment(Data, MistakesOf(Mistaken), 2, seed: 7).Rows);
        var other = DatasetRowWriter.ToBytes(DatasetAugmenter.Augment(Data, MistakesOf(Mistaken), 2, seed: 8).Rows);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(other, Is.Not.EqualTo(first));
    }

    [Test]
    public void No_new_intent_equals_a_train_or_test_intent_or_another_new_one_ignoring_case_and_spacing()
    {
        var augmented = DatasetAugmenter.Augment(Data, MistakesOf(FirstTrainIds(300)), 3, seed: 1);
        static string Key(DatasetRow r) => string.Join(' ', r.Intent.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

        var existing = Data.Train.Rows.Concat(Data.Test.Rows).Select(Key).ToHashSet();

        Assert.That(augmented.Rows, Has.Length.GreaterThan(300));
        Assert.That(augmented.Rows.Select(Key), Is.Unique);
        Assert.That(augmented.Rows.Select(Key).Where(existing.Contains), Is.Empty);
    }

    [Test]
    public void The_written_rows_pass_the_dataset_validator()
    {
        var folder = Path.Combine(Path.GetTempPath(), "harness-augment-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var augmented = DatasetAugmenter.Augment(Data, MistakesOf(FirstTrainIds(100)), 3, seed: 1);
            var path = Path.Combine(folder, "augment.jsonl");
            File.WriteAllBytes(path, DatasetRowWriter.ToBytes(augmented.Rows));
            File.WriteAllBytes(Path.Combine(folder, "filters.txt"), Data.Files().Single(f => f.Key == "filters.txt").Value);

            var loaded = DatasetLoader.Load(path);

            Assert.That(loaded.Rows.Select(r => r.Intent), Is.EqualTo(augmented.Rows.Select(r => r.Intent)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void New_rows_name_the_mistaken_rows_concepts_and_keep_their_degree()
    {
        var augmented = DatasetAugmenter.Augment(Data, MistakesOf("train-00012"), 3, seed: 1);

        // "lomography but a lot more depth": depth at strength 1.5, said "a lot more" or "much more".
        Assert.That(augmented.Rows.Select(r => r.Intent), Has.All.Contains("lomography").And.All.Contains("more depth"));
        Assert.That(augmented.Rows.Select(r => r.Intent), Has.All.Matches<string>(i => i.Contains("a lot more depth") || i.Contains("much more depth")));
    }

    [Test]
    public void Labels_follow_the_mistaken_rows_teacher()
    {
        var ids = FirstTrainIds(300);
        var augmented = DatasetAugmenter.Augment(Data, MistakesOf(ids), 3, seed: 1);
        var sources = augmented.SourceIds;

        var own = new List<double>();
        var unrelated = new List<double>();
        for (var i = 0; i < augmented.Rows.Length; i++)
        {
            if (augmented.Rows[i].TeacherFor(ToolName.Adjust) is not VectorSetting made) continue;
            if (TrainRow(sources[i]).TeacherFor(ToolName.Adjust) is VectorSetting original) own.Add(Similarity.Cosine(made.Values, original.Values));
            if (Data.Train.Rows[5000 + i].TeacherFor(ToolName.Adjust) is VectorSetting other) unrelated.Add(Similarity.Cosine(made.Values, other.Values));
        }

        TestContext.Out.WriteLine($"adjust cosine to the mistaken row {own.Average():F3} (n={own.Count}), to an unrelated row {unrelated.Average():F3}");
        Assert.That(own.Average(), Is.GreaterThan(0.9));
        Assert.That(own.Average(), Is.GreaterThan(unrelated.Average() + 0.5));
    }

    [Test]
    public void Tools_are_used_about_as_often_as_by_the_mistaken_rows()
    {
        var ids = FirstTrainIds(1000);
        var augmented = DatasetAugmenter.Augment(Data, MistakesOf(ids), 3, seed: 1);
        var sources = augmented.SourceIds;

        foreach (var tool in ToolSchema.All)
        {
            var made = augmented.UsedCount(tool) / (double)augmented.Rows.Length;
            var original = sources.Count(id => TrainRow(id).TeacherFor(tool) is not null) / (double)sources.Length;
            Assert.That(made, Is.EqualTo(original).Within(0.05), tool.WireName());
        }
    }

    [Test]
    public void Rows_with_fewer_unused_phrasings_than_asked_are_reported_and_get_what_there_is()
    {
        // "melancholic look": every template's way of saying it is in the dataset already.
        var augmented = DatasetAugmenter.Augment(Data, MistakesOf("train-00001", "train-00013"), 3, seed: 1);

        Assert.That(augmented.ShortOf, Is.EqualTo(new[] { "train-00013" }));
        Assert.That(augmented.Rows, Has.Length.EqualTo(3));
    }

    [Test]
    public void An_id_the_dataset_lacks_is_an_error_naming_the_file_line_and_field()
    {
        var mistakes = new MistakesFile("m.jsonl", 2, [Mistake("train-00001", "christmas", 1), Mistake("train-99999", "anything", 2)]);

        Assert.That(() => DatasetAugmenter.Augment(Data, mistakes, 3, seed: 1), Throws.TypeOf<InputException>().With.Message.EqualTo(
            "m.jsonl:2: id: 'train-99999' is not a row of the dataset; the mistakes file does not come from the dataset seed 2410 generates (see --dataset-seed)"));
    }

    [Test]
    public void An_intent_that_is_not_the_rows_is_an_error_saying_the_file_is_from_another_dataset()
    {
        var mistakes = new MistakesFile("m.jsonl", 1, [Mistake("train-00001", "golden hour", 1)]);

        Assert.That(() => DatasetAugmenter.Augment(Data, mistakes, 3, seed: 1), Throws.TypeOf<InputException>().With.Message.EqualTo(
            "m.jsonl:1: intent: 'golden hour' is not the intent of train-00001 ('christmas'); the mistakes file does not come from the dataset seed 2410 generates (see --dataset-seed)"));
    }

    [Test]
    public void A_test_row_is_refused_because_augmenting_it_would_leak_the_test_split()
    {
        var mistakes = new MistakesFile("m.jsonl", 1, [Mistake("test-00001", Data.Test.Rows[0].Intent, 1)]);

        Assert.That(() => DatasetAugmenter.Augment(Data, mistakes, 3, seed: 1),
            Throws.TypeOf<InputException>().With.Message.StartsWith("m.jsonl:1: id: 'test-00001' is a test row;"));
    }

    private static DatasetRow TrainRow(string id) => TrainById[id];

    private static string[] FirstTrainIds(int count) => [.. Data.Train.Rows.Take(count).Select(r => r.Id)];

    private static MistakenRow Mistake(string id, string intent, int line) => new(id, intent, line);

    private static MistakesFile MistakesOf(params string[] ids) =>
        new("mistakes.jsonl", ids.Length, [.. ids.Select((id, i) => Mistake(id, TrainRow(id).Intent, i + 1))]);
}
