using Harness.Plugins.TorchSharpT5;

namespace Harness.Plugins.TorchSharp.Tests;

/// <summary>Calibrated first steps on LibTorch: the not-used answer masked on the device, or null, per sequence of one batch.</summary>
public class CalibratedDecodingTests
{
    [Test]
    public async Task Threshold_zero_answers_null_and_threshold_one_begins_with_a_settings_token_in_one_batch()
    {
        await using var backend = await Fixture.CreateAsync(Fixture.Folder);
        var torch = (TorchSharpBackend)backend;
        var inputs = Fixture.ReadJsonLines("reference-not-used.jsonl").Select(r => torch.Tokenizer.Encode(r.GetProperty("prompt").GetString()!)).ToList();
        var thresholds = inputs.Select((_, i) => i % 2 == 0 ? 0.0 : 1.0).ToArray();

        var plain = torch.GenerateAnswers(inputs, 16);
        var calibrated = torch.GenerateAnswers(inputs, 16, thresholds);

        for (var i = 0; i < inputs.Count; i++)
        {
            Assert.That(calibrated[i].NotUsedProbability, Is.EqualTo(plain[i].NotUsedProbability), $"sequence {i}");
            if (i % 2 == 0)
            {
                Assert.That(calibrated[i].Ids, Is.EqualTo(torch.NotUsed.AnswerIds), $"sequence {i}: threshold 0");
                continue;
            }
            Assert.That(calibrated[i].Ids, Is.Not.Empty);
            Assert.That(torch.NotUsed.FirstTokens, Does.Not.Contain(calibrated[i].Ids[0]), $"sequence {i}: threshold 1 masks the not-used answer");
            if (plain[i].Ids.Length > 0 && !torch.NotUsed.FirstTokens.Contains(plain[i].Ids[0]))
                Assert.That(calibrated[i].Ids, Is.EqualTo(plain[i].Ids), $"sequence {i}: greedy already chose a setting");
        }
    }
}
