using System.Text.Json;

namespace Harness.Tokenizers;

/// <summary>What running and decoding a Hugging Face T5 (FlanT5, T5 v1.1) model needs from its <c>config.json</c>.</summary>
public sealed record T5Config(int NumDecoderLayers, int NumHeads, int DKv, int VocabSize, int DecoderStartTokenId, int EosTokenId, int PadTokenId)
{
    /// <summary>Width of the hidden states (<c>d_model</c>); 0 when the file does not say.</summary>
    public int DModel { get; init; }

    /// <summary>Width of the feed-forward layer (<c>d_ff</c>); 0 when the file does not say.</summary>
    public int DFf { get; init; }

    /// <summary>Encoder layers (<c>num_layers</c>).</summary>
    public int NumLayers { get; init; }

    /// <summary><c>relative_attention_num_buckets</c> (32 when absent).</summary>
    public int RelativeAttentionNumBuckets { get; init; } = 32;

    /// <summary><c>relative_attention_max_distance</c> (128 when absent).</summary>
    public int RelativeAttentionMaxDistance { get; init; } = 128;

    /// <summary><c>layer_norm_epsilon</c> (1e-6 when absent).</summary>
    public float LayerNormEpsilon { get; init; } = 1e-6f;

    /// <summary><c>tie_word_embeddings</c> (true when absent, as in Hugging Face's T5Config).</summary>
    public bool TieWordEmbeddings { get; init; } = true;

    /// <summary>
    /// Why a tokenizer of <paramref name="pieces"/> pieces cannot belong to this model, or null when it can.
    /// A model's <c>vocab_size</c> may exceed its tokenizer's pieces by padding (FlanT5: 32,100 pieces,
    /// 32,128 embedding rows), never by 128 or more, and never fall short of them.
    /// </summary>
    public string? TokenizerMismatch(int pieces) =>
        pieces > VocabSize || VocabSize - pieces >= 128
            ? $"has {pieces} pieces but config.json's vocab_size is {VocabSize}; the tokenizer belongs to another model: use the tokenizer saved with these weights"
            : null;

    /// <summary><c>feed_forward_proj</c>, e.g. <c>gated-gelu</c> for T5 v1.1 ("relu" when absent).</summary>
    public string FeedForwardProj { get; init; } = "relu";

    /// <summary>Throws <see cref="InvalidDataException"/> saying which key is wrong (the caller names the file).</summary>
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
            throw new InvalidDataException($"model_type is '{type ?? "missing"}', but the harness runs only T5 (FlanT5) models");
        var layers = Int(root, "num_layers");
        return new T5Config(
            OptionalInt(root, "num_decoder_layers") ?? layers,
            Int(root, "num_heads"), Int(root, "d_kv"), Int(root, "vocab_size"),
            OptionalInt(root, "decoder_start_token_id") ?? 0,
            OptionalInt(root, "eos_token_id") ?? 1,
            OptionalInt(root, "pad_token_id") ?? 0)
        {
            DModel = OptionalInt(root, "d_model") ?? 0,
            DFf = OptionalInt(root, "d_ff") ?? 0,
            NumLayers = layers,
            RelativeAttentionNumBuckets = OptionalInt(root, "relative_attention_num_buckets") ?? 32,
            RelativeAttentionMaxDistance = OptionalInt(root, "relative_attention_max_distance") ?? 128,
            LayerNormEpsilon = root.TryGetProperty("layer_norm_epsilon", out var eps) && eps.ValueKind == JsonValueKind.Number ? eps.GetSingle() : 1e-6f,
            TieWordEmbeddings = !root.TryGetProperty("tie_word_embeddings", out var tie) || tie.ValueKind != JsonValueKind.False,
            FeedForwardProj = root.TryGetProperty("feed_forward_proj", out var ff) && ff.ValueKind == JsonValueKind.String ? ff.GetString()! : "relu",
        };
    }

    private static int? OptionalInt(JsonElement root, string key) =>
        root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static int Int(JsonElement root, string key) =>
        root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number && v.GetInt32() > 0
            ? v.GetInt32()
            : throw new InvalidDataException($"'{key}' is missing or not a positive whole number");
}
