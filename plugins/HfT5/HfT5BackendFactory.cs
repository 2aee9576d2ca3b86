using Harness.Backends;
using Harness.Plugins.HfT5.Model;
using Harness.Plugins.Shared.T5;

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
        var checkpoint = HfCheckpoint.Open(settings.ModelFolder, source, "HfT5");
        var config = checkpoint.Config;
        var weights = T5Weights.Load(checkpoint.Weights, config);
        context.Log($"HfT5: {config.NumLayers}+{config.NumDecoderLayers} layers, d_model {config.DModel}, {settings.Threads} thread(s) on the CPU");
        return new HfT5Backend(settings, checkpoint, new T5Model(config, weights, settings.Threads));
    }
}
