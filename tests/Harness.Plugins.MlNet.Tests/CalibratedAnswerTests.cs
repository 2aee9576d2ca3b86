using System.Collections.Immutable;
using Harness.Backends;
using Harness.Tools;

namespace Harness.Plugins.MlNet.Tests;

/// <summary>
/// The ML.NET student with selection_thresholds: "not used" when 1 − P(used) is at least the
/// calibrated threshold, instead of its own tuned one (the shared student, loaded again from its cache).
/// </summary>
public class CalibratedAnswerTests
{
    private static async Task<IBackend> CalibratedAsync(string name, double threshold)
    {
        var tools = ImmutableSortedDictionary.CreateRange(ToolSchema.All.ToDictionary(t => t, _ => new ToolThreshold(threshold, 0, 0)));
        File.WriteAllText(Path.Combine(SharedStudent.Folder, name), new SelectionThresholds("m", "MlNet", null, "v.jsonl", new string('a', 64), tools).ToJson());
        return await Student.CreateAsync(SharedStudent.Folder, null, ("train", "train.jsonl"), ("cache", "cache"), ("warmup_predictions", "0"), ("selection_thresholds", name));
    }

    [Test]
    public async Task Each_answer_follows_its_not_used_probability_against_the_calibrated_threshold()
    {
        await SharedStudent.GetAsync();
        var intents = File.ReadLines(Path.Combine(SharedStudent.Folder, "heldout.jsonl")).Take(40)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("intent").GetString()!).ToList();
        var requests = intents.SelectMany(i => ToolSchema.All.Select(t => new ToolRequest("q", i, t, "p"))).ToList();
        await using var calibrated = await CalibratedAsync("t-0.3.json", 0.3);

        var answers = await calibrated.GenerateAsync(requests, CancellationToken.None);

        Assert.That(answers.Select(a => a.Text == "null"), Is.EqualTo(answers.Select(a => a.NotUsedProbability >= 0.3)));
        Assert.That(answers.Select(a => a.Text == "null"), Has.Some.True.And.Some.False);
    }
}
