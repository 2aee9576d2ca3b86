using Harness.Plugins.Shared.T5;
using Harness.Tokenizers;

namespace Harness.Plugins.HfT5.Tests;

/// <summary>
/// Calibrated selection in the greedy loop every T5 engine shares (<see cref="GreedyDecoding"/>), and
/// through this engine: at or above the threshold the answer is null, below it the first step
/// takes the best token outside the not-used answer's first tokens.
/// </summary>
public class CalibratedDecodingTests
{
    private static readonly T5Config Config = new(1, 1, 1, 10, DecoderStartTokenId: 0, EosTokenId: 1, PadTokenId: 0);

    // An engine whose first step prefers </s> (an empty answer: not used) with 0.3 of the mass, its best other token 7; then 8, then </s>.
    private static DecodedStep Step(int step, long[] tokens) => step switch
    {
        0 => new DecodedStep([.. tokens.Select(_ => 1L)], [.. tokens.Select(_ => 0.3)], [.. tokens.Select(_ => 7L)]),
        1 => new DecodedStep([.. tokens.Select(_ => 8L)]),
        _ => new DecodedStep([.. tokens.Select(_ => 1L)]),
    };

    [Test]
    public async Task Below_the_threshold_the_first_step_masks_the_not_used_answer_and_decoding_goes_on()
    {
        await using var backend = await Fixture.CreateAsync(Fixture.Folder);
        var notUsed = ((HfT5Backend)backend).NotUsed;

        var plain = GreedyDecoding.Run(Config, 2, 8, Step, null, CancellationToken.None);
        var calibrated = GreedyDecoding.Run(Config, 2, 8, Step, new CalibratedStart(notUsed, [0.5, 0.3]), CancellationToken.None);

        Assert.That(plain[0].Ids, Is.Empty, "greedy picks </s>: not used");
        Assert.That(calibrated[0].Ids, Is.EqualTo(new[] { 7, 8 }), "0.3 < 0.5: the best other token, then greedy");
        Assert.That(calibrated[1].Ids, Is.EqualTo(notUsed.AnswerIds), "0.3 >= 0.3: null");
        Assert.That(calibrated.Select(g => g.NotUsedProbability), Is.All.EqualTo(0.3));
    }

    [Test]
    public async Task The_engine_answers_null_at_threshold_zero_and_never_begins_with_a_not_used_token_at_threshold_one()
    {
        await using var backend = await Fixture.CreateAsync(Fixture.Folder);
        var hf = (HfT5Backend)backend;
        var inputs = Fixture.ReadJsonLines("reference-not-used.jsonl").Select(r => hf.Tokenizer.Encode(r.GetProperty("prompt").GetString()!)).ToList();

        var plain = hf.GenerateAnswers(inputs, 16);
        var none = hf.GenerateAnswers(inputs, 16, threshold: 0);
        var all = hf.GenerateAnswers(inputs, 16, threshold: 1);

        Assert.That(hf.Tokenizer.Decode([.. hf.NotUsed.AnswerIds]), Is.EqualTo("null"));
        Assert.That(none.Select(g => g.Ids), Has.All.EqualTo(hf.NotUsed.AnswerIds));
        Assert.That(none.Select(g => g.NotUsedProbability), Is.EqualTo(plain.Select(g => g.NotUsedProbability)));
        Assert.That(all.Select(g => g.Ids.Length > 0 && !hf.NotUsed.FirstTokens.Contains(g.Ids[0])), Has.All.True, "each begins with a setting's token");
        for (var i = 0; i < inputs.Count; i++)
            if (plain[i].Ids.Length > 0 && !hf.NotUsed.FirstTokens.Contains(plain[i].Ids[0]))
                Assert.That(all[i].Ids, Is.EqualTo(plain[i].Ids), $"prompt {i}: greedy already chose a setting");
    }
}
