using System.Collections.Immutable;
using Harness.Backends;
using Harness.Tools;

namespace Harness.Plugins.Tests;

/// <summary>Retrieval with selection_thresholds: the neighbours' vote decides, and "not used" masked means the nearest neighbour that used the tool answers.</summary>
public class RetrievalCalibrationTests
{
    private static void WriteThresholds(TestData data, double adjust)
    {
        var tools = ImmutableSortedDictionary.CreateRange(ToolSchema.All.ToDictionary(t => t, t => new ToolThreshold(t == ToolName.Adjust ? adjust : 0.5, 0, 0)));
        File.WriteAllText(Path.Combine(data.Folder, "thresholds.json"), new SelectionThresholds("r", "Retrieval", null, "v.jsonl", new string('a', 64), tools).ToJson());
    }

    [Test]
    public async Task Below_the_threshold_the_nearest_intent_that_used_the_tool_answers_at_or_above_it_null()
    {
        using var data = new TestData();
        data.Write("train.jsonl",
            TestData.Row("tr-1", "red sky", TestData.Adjust(10), null),
            TestData.Row("tr-2", "red sea", null, null),
            TestData.Row("tr-3", "golden hour", TestData.Adjust(30), null));
        await using var plain = await BuiltPlugins.CreateAsync("Retrieval", data.Folder, ("train", "train.jsonl"));
        WriteThresholds(data, adjust: 1);
        await using var masked = await BuiltPlugins.CreateAsync("Retrieval", data.Folder, ("train", "train.jsonl"), ("selection_thresholds", "thresholds.json"));
        WriteThresholds(data, adjust: 0);
        await using var nulls = await BuiltPlugins.CreateAsync("Retrieval", data.Folder, ("train", "train.jsonl"), ("selection_thresholds", "thresholds.json"));
        ToolRequest[] query = [new("q", "red sea", ToolName.Adjust, "p")];

        var greedy = (await plain.GenerateAsync(query, CancellationToken.None))[0];
        var redSky = (await plain.GenerateAsync([new("q", "red sky", ToolName.Adjust, "p")], CancellationToken.None))[0];
        var calibrated = (await masked.GenerateAsync(query, CancellationToken.None))[0];
        var none = (await nulls.GenerateAsync([new("q", "golden hour", ToolName.Adjust, "p")], CancellationToken.None))[0];

        Assert.That(greedy.Text, Is.EqualTo("null"), "the nearest intent did not use adjust");
        Assert.That(calibrated.Text, Is.EqualTo(redSky.Text), "masked: the nearest that used it, red sky");
        Assert.That(calibrated.NotUsedProbability, Is.EqualTo(greedy.NotUsedProbability));
        Assert.That(none.Text, Is.EqualTo("null"), "threshold 0: every call is not used");
    }

    [Test]
    public void A_bad_thresholds_file_fails_the_start_naming_the_option_and_field()
    {
        using var data = new TestData();
        data.Write("train.jsonl", TestData.Row("tr-1", "red sky", TestData.Adjust(10), null));
        File.WriteAllText(Path.Combine(data.Folder, "thresholds.json"), "{\"backend\":\"r\"}");

        var error = Assert.ThrowsAsync<BackendException>(() => BuiltPlugins.CreateAsync("Retrieval", data.Folder, ("train", "train.jsonl"), ("selection_thresholds", "thresholds.json")));

        Assert.That(error!.Message, Does.Contain("option 'selection_thresholds'").And.Contain("field 'tools' is missing"));
    }
}
