using Harness.Backends;
using Harness.Plugins.HfT5.Model;
using Harness.Plugins.HfT5.SafeTensors;
using Harness.Tokenizers;

namespace Harness.Plugins.HfT5;

/// <summary>Creates backends that run FlanT5 (T5 v1.1) straight from a Hugging Face checkpoint folder, in C# on the CPU.</summary>
public sealed class HfT5BackendFactory : IBackendFactory
{
    public string Name => "HfT5";

    public string Description => "FlanT5 / T5 v1.1 from a Hugging Face checkpoint (config.json, model.safetensors, tokenizer) in pure C# on the CPU; greedy with the key/value cache.";

    public IReadOnlyList<BackendOptionInfo> Options => HfT5Settings.Options;

    public Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken)
    {
        var settings = HfT5Settings.Read(options, context);
        return Task.Run<IBackend>(() => Create(settings, options.Source, context), cancellationToken);
    }

    private static HfT5Backend Create(HfT5Settings settings, string source, BackendContext context)
    {
        var folder = ModelFolder.Find(settings.ModelFolder, source);
        var config = Read(folder.Config, T5Config.Read);
        if (config.FeedForwardProj != "gated-gelu")
            throw new BackendException($"{folder.Config}: feed_forward_proj is '{config.FeedForwardProj}'; the HfT5 plugin runs T5 v1.1 / FlanT5 models (gated-gelu).");
        if (config.DModel <= 0 || config.DFf <= 0)
            throw new BackendException($"{folder.Config}: 'd_model' and 'd_ff' must be positive whole numbers.");
        var tokenizer = Read(folder.Tokenizer, T5Tokenizer.Load);
        if (config.TokenizerMismatch(tokenizer.VocabularySize) is { } mismatch)
            throw new BackendException($"{folder.Tokenizer}: {mismatch}.");
        var weights = T5Weights.Load(Read(folder.Weights, SafeTensorsFile.Open), config);
        context.Log($"HfT5: {config.NumLayers}+{config.NumDecoderLayers} layers, d_model {config.DModel}, {settings.Threads} thread(s) on the CPU");
        return new HfT5Backend(settings, folder, tokenizer, new T5Model(config, weights, settings.Threads));
    }

    private static T Read<T>(string path, Func<string, T> read)
    {
        try
        {
            return read(path);
        }
        catch (InvalidDataException e)
        {
            throw new BackendException($"{path}: {e.Message}.");
        }
        catch (IOException e)
        {
            throw new BackendException($"{path}: cannot be read ({e.Message}).");
        }
    }
}
