using System.Collections.Immutable;
using Harness.Backends;
using Harness.Tools;

namespace Harness.Plugins.Onnx.Tests;

/// <summary>Option selection_thresholds through ONNX Runtime: each request's tool picks its threshold, in one padded batch.</summary>
public class CalibratedDecodingTests
{
    [Test]
    public async Task Each_request_is_decided_by_its_tools_threshold_within_one_batch()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("onnx-thresholds-").FullName, "thresholds.json");
        var tools = ImmutableSortedDictionary.CreateRange(new Dictionary<ToolName, ToolThreshold>
        {
            [ToolName.Adjust] = new(0, 0, 0),
            [ToolName.SelectiveAdjust] = new(1, 0, 0),
            [ToolName.Filter] = new(1, 0, 0),
        });
        File.WriteAllText(file, new SelectionThresholds("s", "Onnx", null, "validation.jsonl", new string('0', 64), tools).ToJson());
        var prompts = Fixture.ReadJsonLines("reference-not-used.jsonl").Select(r => r.GetProperty("prompt").GetString()!).ToList();
        var requests = prompts.Select((p, i) => new ToolRequest($"v-{i}", "intent", i % 2 == 0 ? ToolName.Adjust : ToolName.Filter, p)).ToList();
        try
        {
            await using var plain = await Fixture.CreateAsync(Fixture.Split, ("max_new_tokens", "16"));
            await using var calibrated = await Fixture.CreateAsync(Fixture.Split, ("max_new_tokens", "16"), ("selection_thresholds", file));
            var expected = await plain.GenerateAsync(requests, CancellationToken.None);
            var answers = await calibrated.GenerateAsync(requests, CancellationToken.None);
            var notUsed = ((OnnxBackend)calibrated).NotUsed;

            for (var i = 0; i < requests.Count; i++)
            {
                Assert.That(answers[i].NotUsedProbability, Is.EqualTo(expected[i].NotUsedProbability).Within(1e-9), $"request {i}");
                if (i % 2 == 0) Assert.That(answers[i].Text, Is.EqualTo("null"), $"request {i}: threshold 0");
                else if (!notUsed.FirstTokens.Contains(((OnnxBackend)plain).Tokenizer.Encode(expected[i].Text!)[0]))
                    Assert.That(answers[i].Text, Is.EqualTo(expected[i].Text), $"request {i}: threshold 1, greedy already chose a setting");
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }
}
