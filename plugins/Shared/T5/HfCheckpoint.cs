using Harness.Backends;
using Harness.Tokenizers;
using static Harness.Plugins.Shared.T5.CheckpointFile;

namespace Harness.Plugins.Shared.T5;

/// <summary>
/// A T5 v1.1 / FlanT5 checkpoint folder opened and checked the same way by every plugin that
/// runs one (HfT5, TorchSharp): its config, a tokenizer that belongs to it, and its weights file.
/// Every problem is one <see cref="BackendException"/> line naming the file and what to do.
/// </summary>
internal sealed record HfCheckpoint(ModelFolder Folder, T5Config Config, T5Tokenizer Tokenizer, SafeTensorsFile Weights)
{
    /// <summary>The folder's name, as the run's <c>model</c>.</summary>
    public string Name => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(Folder.Folder)));

    public static HfCheckpoint Open(string folder, string source, string plugin)
    {
        var files = ModelFolder.Find(folder, source);
        var config = Read(files.Config, T5Config.Read);
        if (config.FeedForwardProj != "gated-gelu")
            throw new BackendException($"{files.Config}: feed_forward_proj is '{config.FeedForwardProj}'; the {plugin} plugin runs T5 v1.1 / FlanT5 models (gated-gelu).");
        if (config.DModel <= 0 || config.DFf <= 0)
            throw new BackendException($"{files.Config}: 'd_model' and 'd_ff' must be positive whole numbers.");
        var tokenizer = Read(files.Tokenizer, T5Tokenizer.Load);
        if (config.TokenizerMismatch(tokenizer.VocabularySize) is { } mismatch)
            throw new BackendException($"{files.Tokenizer}: {mismatch}.");
        return new HfCheckpoint(files, config, tokenizer, Read(files.Weights, SafeTensorsFile.Open));
    }

    /// <summary>SHA-256 of <c>model.safetensors</c>, the run's <c>model_sha256</c>.</summary>
    public string WeightsSha256() => FileHash.Sha256(Folder.Weights);
}
