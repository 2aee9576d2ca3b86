using System.Text.Json;

namespace Harness.Plugins.Onnx.Tokenizer;

/// <summary>Reads a Hugging Face <c>tokenizer.json</c> whose model is a SentencePiece Unigram (T5's).</summary>
internal static class TokenizerJsonReader
{
    /// <summary>Throws <see cref="InvalidDataException"/> with what is wrong (the caller names the file).</summary>
    public static UnigramTokenizer Read(string path)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not valid JSON ({e.Message})");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException("no 'model' object; this is not a Hugging Face tokenizer.json");
            var type = model.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (type != "Unigram")
                throw new InvalidDataException($"model type is '{type ?? "missing"}', but the Onnx plugin reads only T5's SentencePiece 'Unigram' tokenizers");
            var specials = SpecialIds(root);
            var vocabulary = new List<(string, float, PieceKind)>();
            foreach (var entry in model.GetProperty("vocab").EnumerateArray())
            {
                var piece = entry[0].GetString() ?? "";
                var id = vocabulary.Count;
                vocabulary.Add((piece, entry[1].GetSingle(), specials.Contains(id) ? PieceKind.Control : PieceKind.Normal));
            }
            var unknownId = model.TryGetProperty("unk_id", out var u) && u.ValueKind == JsonValueKind.Number ? u.GetInt32() : -1;
            if (unknownId < 0 || unknownId >= vocabulary.Count)
                throw new InvalidDataException("the Unigram model has no valid 'unk_id'");
            vocabulary[unknownId] = (vocabulary[unknownId].Item1, 0f, PieceKind.Unknown);
            return new UnigramTokenizer(vocabulary, unknownId);
        }
    }

    private static HashSet<int> SpecialIds(JsonElement root)
    {
        var ids = new HashSet<int>();
        if (!root.TryGetProperty("added_tokens", out var added) || added.ValueKind != JsonValueKind.Array) return ids;
        foreach (var token in added.EnumerateArray())
        {
            if (token.TryGetProperty("special", out var s) && s.ValueKind == JsonValueKind.True) ids.Add(token.GetProperty("id").GetInt32());
        }
        return ids;
    }
}
