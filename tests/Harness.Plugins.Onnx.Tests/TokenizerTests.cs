using Harness.Plugins.Onnx.Tokenizer;

namespace Harness.Plugins.Onnx.Tests;

public class TokenizerTests
{
    private static readonly UnigramTokenizer s_fromJson = TokenizerJsonReader.Read(Path.Combine(Fixture.Folder, "tokenizer.json"));
    private static readonly UnigramTokenizer s_fromModel = SentencePieceModelReader.Read(Path.Combine(Fixture.Folder, "spiece.model"));

    [Test]
    public void Tokenizer_json_encodes_every_reference_text_exactly_as_SentencePiece_does() => AssertMatchesReference(s_fromJson);

    [Test]
    public void Spiece_model_encodes_every_reference_text_exactly_as_SentencePiece_does() => AssertMatchesReference(s_fromModel);

    [Test]
    public void Reference_covers_the_intents_their_prompts_and_hard_strings()
    {
        var kinds = Fixture.ReadJsonLines("tokenizer-reference.jsonl").Select(r => r.GetProperty("kind").GetString()).ToHashSet();
        Assert.That(kinds, Is.EquivalentTo(new[] { "intent", "prompt", "hard" }));
    }

    [Test]
    public void Reference_covers_every_intent_of_the_test_split()
    {
        var split = Path.Combine(Fixture.RepoRoot, "datasets", "tonal-color", "test.jsonl");
        var intents = File.ReadLines(split).Where(l => l.Length > 0)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("intent").GetString()).ToList();
        var covered = Fixture.ReadJsonLines("tokenizer-reference.jsonl")
            .Where(r => r.GetProperty("kind").GetString() == "intent").Select(r => r.GetProperty("text").GetString()).ToHashSet();
        Assert.That(intents, Has.Count.EqualTo(1000));
        Assert.That(intents.Where(i => !covered.Contains(i)), Is.Empty, "regenerate with tools/onnx-fixture/make_fixture.py");
    }

    [Test]
    public void Both_readers_agree_on_the_special_ids()
    {
        Assert.Multiple(() =>
        {
            Assert.That(s_fromJson.PadId, Is.EqualTo(0));
            Assert.That(s_fromJson.EosId, Is.EqualTo(1));
            Assert.That(s_fromJson.UnknownId, Is.EqualTo(2));
            Assert.That(s_fromModel.VocabularySize, Is.EqualTo(s_fromJson.VocabularySize));
            Assert.That((s_fromModel.PadId, s_fromModel.EosId, s_fromModel.UnknownId), Is.EqualTo((0, 1, 2)));
        });
    }

    [Test]
    public void Decode_gives_back_the_normalized_text_of_known_characters()
    {
        foreach (var row in Fixture.ReadJsonLines("tokenizer-reference.jsonl").Where(r => r.GetProperty("kind").GetString() == "intent"))
        {
            var text = row.GetProperty("text").GetString()!;
            var expected = string.Join(' ', text.Normalize(System.Text.NormalizationForm.FormKC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var ids = Fixture.Ints(row.GetProperty("ids"));
            if (ids.Contains(s_fromJson.UnknownId)) continue;
            Assert.That(s_fromJson.Decode(ids), Is.EqualTo(expected), text);
        }
    }

    [Test]
    public void Runs_of_unknown_characters_become_one_unknown_id()
    {
        var ids = s_fromJson.Encode("\u4e00\u4e8c\u4e09");
        Assert.That(ids.Count(i => i == s_fromJson.UnknownId), Is.EqualTo(1));
        Assert.That(ids[^1], Is.EqualTo(s_fromJson.EosId));
    }

    [Test]
    public void Decode_skips_special_and_out_of_vocabulary_ids()
    {
        var golden = s_fromJson.Encode("golden hour");
        var noisy = new[] { 0 }.Concat(golden).Concat([s_fromJson.VocabularySize + 5, 1]).ToArray();
        Assert.That(s_fromJson.Decode(noisy), Is.EqualTo("golden hour"));
    }

    private static void AssertMatchesReference(UnigramTokenizer tokenizer)
    {
        var rows = Fixture.ReadJsonLines("tokenizer-reference.jsonl");
        Assert.That(rows, Has.Count.GreaterThan(50));
        var mismatches = rows
            .Select(r => (Text: r.GetProperty("text").GetString()!, Expected: Fixture.Ints(r.GetProperty("ids"))))
            .Where(r => !tokenizer.Encode(r.Text).SequenceEqual(r.Expected))
            .Select(r => $"'{r.Text}': expected [{string.Join(',', r.Expected)}], got [{string.Join(',', tokenizer.Encode(r.Text))}]")
            .ToList();
        Assert.That(mismatches, Is.Empty);
    }
}
