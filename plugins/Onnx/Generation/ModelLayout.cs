namespace Harness.Plugins.Onnx.Generation;

/// <summary>
/// The files of a model folder in the layout Hugging Face's ONNX exporter writes: an
/// encoder and either the split decoders (without and with past) or one merged decoder.
/// </summary>
internal sealed record ModelLayout(string Folder, string Config, string Tokenizer, string Encoder, string? Decoder, string? DecoderWithPast, string? MergedDecoder)
{
    public bool IsMerged => MergedDecoder is not null;

    public IEnumerable<string> ModelFiles =>
        new[] { Encoder, Decoder, DecoderWithPast, MergedDecoder }.OfType<string>();

    /// <summary>Finds the files; throws <see cref="FileNotFoundException"/> naming what is missing and what was expected.</summary>
    public static ModelLayout Find(string folder)
    {
        if (!Directory.Exists(folder))
            throw new FileNotFoundException($"model folder {folder} does not exist; set 'model' to a folder with config.json, tokenizer.json, encoder_model.onnx and the decoder(s)");
        string? File(string name) => System.IO.File.Exists(Path.Combine(folder, name)) ? Path.Combine(folder, name) : null;
        string Required(string name) => File(name) ?? throw new FileNotFoundException($"model folder {folder} has no {name}");
        var config = Required("config.json");
        var tokenizer = File("tokenizer.json")
            ?? throw new FileNotFoundException($"model folder {folder} has no tokenizer.json; save the tokenizer beside the model with save_pretrained (spiece.model alone is not read)");
        var encoder = Required("encoder_model.onnx");
        var decoder = File("decoder_model.onnx");
        var withPast = File("decoder_with_past_model.onnx");
        var merged = File("decoder_model_merged.onnx");
        if (decoder is not null && withPast is not null) return new(folder, config, tokenizer, encoder, decoder, withPast, null);
        if (merged is not null) return new(folder, config, tokenizer, encoder, null, null, merged);
        var missing = decoder is null ? "decoder_model.onnx" : "decoder_with_past_model.onnx";
        throw new FileNotFoundException($"model folder {folder} has no {missing}; it needs decoder_model.onnx with decoder_with_past_model.onnx, or decoder_model_merged.onnx (export with the key/value cache)");
    }
}
