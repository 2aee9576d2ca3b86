using System.Text.Json;

namespace Harness.Plugins.Onnx.Generation;

/// <summary>What generation needs from a Hugging Face T5 <c>config.json</c>.</summary>
internal sealed record T5Config(int NumDecoderLayers, int NumHeads, int DKv, int VocabSize, int DecoderStartTokenId, int EosTokenId, int PadTokenId)
{
    /// <summary>Throws <see cref="InvalidDataException"/> saying which key is wrong.</summary>
    public static T5Config Read(string path)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not valid JSON ({e.Message})");
        }
        var type = root.TryGetProperty("model_type", out var t) ? t.GetString() : null;
        if (type is not ("t5" or "mt5"))
            throw new InvalidDataException($"model_type is '{type ?? "missing"}', but the Onnx plugin runs T5 (FlanT5) models");
        var layers = Int(root, "num_layers");
        return new T5Config(
            root.TryGetProperty("num_decoder_layers", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetInt32() : layers,
            Int(root, "num_heads"), Int(root, "d_kv"), Int(root, "vocab_size"),
            root.TryGetProperty("decoder_start_token_id", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 0,
            root.TryGetProperty("eos_token_id", out var e2) && e2.ValueKind == JsonValueKind.Number ? e2.GetInt32() : 1,
            root.TryGetProperty("pad_token_id", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : 0);
    }

    private static int Int(JsonElement root, string key) =>
        root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number && v.GetInt32() > 0
            ? v.GetInt32()
            : throw new InvalidDataException($"'{key}' is missing or not a positive whole number");
}
