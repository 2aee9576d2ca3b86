using Harness.Backends;
using Harness.Tools;

namespace Harness.Plugins.Tests;

public class RetrievalBackendTests
{
    private static object[] Train() =>
    [
        TestData.Row("tr-1", "golden hour", TestData.Adjust(30), TestData.Filter("faded_HighNoon", 40), repeats: 2),
        TestData.Row("tr-2", "moody blue night", TestData.Adjust(-20), null, repeats: 1),
        TestData.Row("tr-3", "bright summer beach", TestData.Adjust(15), TestData.Filter("sunny", 60), repeats: 9),
        TestData.Row("tr-4", "night city lights", null, TestData.Filter("neon", 70), repeats: 1),
    ];

    [Test]
    public async Task An_exact_train_intent_gets_that_rows_teacher_output_for_each_tool()
    {
        using var data = new TestData();
        data.Write("train.jsonl", Train());
        await using var backend = await BuiltPlugins.CreateAsync("Retrieval", data.Folder, ("train", "train.jsonl"));

        var responses = await backend.GenerateAsync(
            [.. ToolSchema.All.Select(t => new ToolRequest("q", "golden hour", t, "p"))], CancellationToken.None);

        Assert.That(responses[0].Text, Does.Contain("\"exposure\":30"));
        Assert.That(responses[1].Text, Is.EqualTo("null"));
        Assert.That(responses[2].Text, Is.EqualTo("{\"name\":\"faded_HighNoon\",\"intensity\":40}"));
    }

    [Test]
    public async Task A_new_intent_gets_its_nearest_neighbours_output_and_rare_shared_words_weigh_more()
    {
        using var data = new TestData();
        data.Write("train.jsonl", Train());
        await using var backend = await BuiltPlugins.CreateAsync("Retrieval", data.Folder, ("train", "train.jsonl"));

        // "night" is in two train intents; "moody" only in tr-2.
        var adjust = await TestData.AskAsync(backend, "q", "a moody night", ToolName.Adjust);
        var filter = await TestData.AskAsync(backend, "q", "city at night", ToolName.Filter);

        Assert.That(adjust, Does.Contain("\"exposure\":-20"));
        Assert.That(filter, Is.EqualTo("{\"name\":\"neon\",\"intensity\":70}"));
    }

    [Test]
    public async Task Ties_and_unknown_words_go_to_the_most_repeated_intent_deterministically()
    {
        using var data = new TestData();
        data.Write("train.jsonl", Train());
        await using var backend = await BuiltPlugins.CreateAsync("Retrieval", data.Folder, ("train", "train.jsonl"));

        var unknown = await TestData.AskAsync(backend, "q", "zzz qqq", ToolName.Filter);
        var again = await TestData.AskAsync(backend, "q", "zzz qqq", ToolName.Filter);

        Assert.That(unknown, Is.EqualTo("{\"name\":\"sunny\",\"intensity\":60}"));
        Assert.That(again, Is.EqualTo(unknown));
    }

    [Test]
    public async Task A_batch_is_answered_in_request_order()
    {
        using var data = new TestData();
        data.Write("train.jsonl", Train());
        await using var backend = await BuiltPlugins.CreateAsync("Retrieval", data.Folder, ("train", "train.jsonl"));

        var responses = await backend.GenerateAsync(
        [
            new ToolRequest("a", "night city lights", ToolName.Filter, "p"),
            new ToolRequest("b", "golden hour", ToolName.Filter, "p"),
            new ToolRequest("c", "moody blue night", ToolName.Filter, "p"),
        ], CancellationToken.None);

        Assert.That(backend.Info.SupportsBatching, Is.True);
        Assert.That(responses.Select(r => r.Text), Is.EqualTo(new[]
        {
            "{\"name\":\"neon\",\"intensity\":70}", "{\"name\":\"faded_HighNoon\",\"intensity\":40}", "null",
        }));
    }

    [Test]
    public async Task The_not_used_probability_is_the_nearest_intents_vote_weighted_by_similarity()
    {
        using var data = new TestData();
        data.Write("train.jsonl",
            TestData.Row("tr-1", "red sky", TestData.Adjust(10), null),
            TestData.Row("tr-2", "red sea", null, null),
            TestData.Row("tr-3", "golden hour", TestData.Adjust(30), TestData.Filter("sunny", 60)));
        await using var one = await BuiltPlugins.CreateAsync("Retrieval", data.Folder, ("train", "train.jsonl"), ("k", "1"));
        await using var all = await BuiltPlugins.CreateAsync("Retrieval", data.Folder, ("train", "train.jsonl"));

        var exact = await one.GenerateAsync([.. ToolSchema.All.Select(t => new ToolRequest("q", "golden hour", t, "p"))], CancellationToken.None);
        // "red" is equally similar to "red sky" (adjust used) and "red sea" (not used).
        var tie = (await all.GenerateAsync([new ToolRequest("q", "red", ToolName.Adjust, "p")], CancellationToken.None))[0];

        Assert.That(exact.Select(r => r.NotUsedProbability), Is.EqualTo(new double?[] { 0, 1, 0 }));
        Assert.That(tie.NotUsedProbability, Is.EqualTo(0.5).Within(1e-12));
    }

    [Test]
    public async Task With_no_similar_intent_the_not_used_probability_is_the_train_splits_share()
    {
        using var data = new TestData();
        data.Write("train.jsonl", Train());
        await using var backend = await BuiltPlugins.CreateAsync("Retrieval", data.Folder, ("train", "train.jsonl"));

        var responses = await backend.GenerateAsync([.. ToolSchema.All.Select(t => new ToolRequest("q", "zzz qqq", t, "p"))], CancellationToken.None);

        Assert.That(responses.Select(r => r.NotUsedProbability), Is.EqualTo(new double?[] { 0.25, 1, 0.25 }));
    }

    [Test]
    public void A_missing_train_option_or_file_is_a_clear_error()
    {
        using var data = new TestData();

        var missingOption = Assert.ThrowsAsync<BackendException>(() => BuiltPlugins.CreateAsync("Retrieval", data.Folder));
        var missingFile = Assert.ThrowsAsync<BackendException>(() => BuiltPlugins.CreateAsync("Retrieval", data.Folder, ("train", "nope.jsonl")));

        Assert.That(missingOption!.Message, Does.Contain("'train'"));
        Assert.That(missingFile!.Message, Does.Contain("nope.jsonl").And.Contain("not found"));
    }
}
