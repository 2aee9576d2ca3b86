namespace Harness.Tokenizers.Tests;

public class TokenizerTests
{
    private static readonly T5Tokenizer Tokenizer = T5Tokenizer.Load(Path.Combine(Fixture.Folder, "tokenizer.json"));

    [Test]
    public void Tokenizer_json_encodes_every_reference_text_exactly_as_SentencePiece_does()
    {
        var rows = Fixture.ReadJsonLines("tokenizer-reference.jsonl");
        Assert.That(rows, Has.Count.GreaterThan(50));
        var mismatches = rows
            .Select(r => (Text: r.GetProperty("text").GetString()!, Expected: Fixture.Ints(r.GetProperty("ids"))))
            .Where(r => !Tokenizer.Encode(r.Text).SequenceEqual(r.Expected))
            .Select(r => $"'{r.Text}': expected [{string.Join(',', r.Expected)}], got [{string.Join(',', Tokenizer.Encode(r.Text))}]")
            .ToList();
        Assert.That(mismatches, Is.Empty);
    }

    // Ids from SentencePiece 0.1.97 on the fixture's spiece.model, with </s> appended.
    [TestCase("</s>", new[] { 6, 2, 29, 2, 1 })]
    [TestCase("golden</s>hour", new[] { 87, 2, 29, 2, 349, 383, 38, 57, 1 })]
    [TestCase("<unk>", new[] { 6, 2, 38, 62, 68, 2, 1 })]
    [TestCase("a<pad>b", new[] { 20, 2, 161, 10, 2, 379, 1 })]
    public void Special_token_text_in_a_prompt_is_text_as_in_SentencePiece(string text, int[] expected) =>
        Assert.That(Tokenizer.Encode(text), Is.EqualTo(expected));

    [Test]
    public void The_character_map_of_the_tokenizer_json_is_applied_as_SentencePiece_applies_it() =>
        // nmt_nfkc keeps NUL (an unknown character) but drops the other C0 controls.
        Assert.That((Tokenizer.Encode("x\0y"), Tokenizer.Encode("a\u0001b")), Is.EqualTo((new[] { 6, 209, 2, 120, 1 }, new[] { 20, 379, 1 })));

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
    public void Special_ids_and_size_are_T5_s()
    {
        Assert.That((Tokenizer.PadId, Tokenizer.EosId, Tokenizer.UnknownId, Tokenizer.VocabularySize), Is.EqualTo((0, 1, 2, 384)));
    }

    [Test]
    public void Decode_gives_back_the_normalized_text_of_known_characters()
    {
        foreach (var row in Fixture.ReadJsonLines("tokenizer-reference.jsonl").Where(r => r.GetProperty("kind").GetString() == "intent"))
        {
            var text = row.GetProperty("text").GetString()!;
            var expected = string.Join(' ', text.Normalize(System.Text.NormalizationForm.FormKC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var ids = Fixture.Ints(row.GetProperty("ids"));
            if (ids.Contains(Tokenizer.UnknownId)) continue;
            Assert.That(Tokenizer.Decode(ids), Is.EqualTo(expected), text);
        }
    }

    [Test]
    public void Runs_of_unknown_characters_become_one_unknown_id()
    {
        var ids = Tokenizer.Encode("\u4e00\u4e8c\u4e09");
        Assert.That(ids.Count(i => i == Tokenizer.UnknownId), Is.EqualTo(1));
        Assert.That(ids[^1], Is.EqualTo(Tokenizer.EosId));
    }

    [Test]
    public void Decode_skips_special_and_out_of_vocabulary_ids()
    {
        var golden = Tokenizer.Encode("golden hour");
        var noisy = new[] { 0, -3 }.Concat(golden).Concat([2, Tokenizer.VocabularySize + 5, 1]).ToArray();
        Assert.That(Tokenizer.Decode(noisy), Is.EqualTo("golden hour"));
    }

    [Test]
    public void Load_refuses_a_spiece_model_and_says_to_save_tokenizer_json()
    {
        var e = Assert.Throws<InvalidDataException>(() => T5Tokenizer.Load(Path.Combine(Fixture.Folder, "spiece.model")));
        Assert.That(e!.Message, Does.Contain("tokenizer.json").And.Contain("spiece.model"));
    }

    [TestCase("""{"model":{"type":"BPE","vocab":{"a":0},"merges":[]}}""", "'BPE'")]
    [TestCase("{ not json", "not valid JSON")]
    public void Load_says_what_is_wrong_with_a_tokenizer_json(string json, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tokenizer-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => T5Tokenizer.Load(path));
            Assert.That(e!.Message, Does.Contain(expected));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
