using Harness.Backends;

namespace Harness.Plugins.Shared.T5;

/// <summary>The files of a Hugging Face checkpoint folder the plugin reads.</summary>
internal sealed record ModelFolder(string Folder, string Config, string Weights, string Tokenizer)
{
    /// <summary>Finds the files; throws a <see cref="BackendException"/> naming what is missing.</summary>
    public static ModelFolder Find(string folder, string source)
    {
        if (!Directory.Exists(folder))
            throw new BackendException($"{source}: option 'model': folder {folder} does not exist; point it at a Hugging Face checkpoint folder with config.json, model.safetensors and tokenizer.json.");
        string? File(string name) => System.IO.File.Exists(Path.Combine(folder, name)) ? Path.Combine(folder, name) : null;
        string Required(string name, string hint) =>
            File(name) ?? throw new BackendException($"{source}: option 'model': folder {folder} has no {name}; {hint}.");
        var config = Required("config.json", "save the model with save_pretrained");
        var weights = Required("model.safetensors", "save the model with save_pretrained(safe_serialization=True); sharded or .bin checkpoints are not read");
        var tokenizer = Required("tokenizer.json", "save the tokenizer next to the model with save_pretrained (spiece.model alone is not read)");
        return new ModelFolder(folder, config, weights, tokenizer);
    }
}
