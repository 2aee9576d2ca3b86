using Harness.Backends;
using Harness.Plugins.Shared.T5;
using Harness.Plugins.TorchSharpT5.Model;
using Harness.Plugins.TorchSharpT5.Native;
using TorchSharp;

namespace Harness.Plugins.TorchSharpT5;

/// <summary>Creates backends that run FlanT5 (T5 v1.1) from a Hugging Face checkpoint folder on TorchSharp (LibTorch).</summary>
public sealed class TorchSharpBackendFactory : IBackendFactory
{
    // The options of every batched T5 engine, in this engine's words.
    private static readonly T5Settings.Options Declared = new(
        model: "Hugging Face checkpoint folder with config.json, model.safetensors and tokenizer.json (or spiece.model). Trusted input: its tensors go to LibTorch (native code), so use only checkpoints from sources you trust.",
        device: "cpu or cuda (cuda needs the plugin built with -p:TorchSharpNative=cuda and an NVIDIA GPU; never falls back to cpu).",
        threads: "LibTorch's intra-op threads (torch.set_num_threads, one setting per process); 0 keeps LibTorch's default.",
        maxNewTokens: 64);

    public string Name => "TorchSharp";

    public string Description => "FlanT5 / T5 v1.1 from a Hugging Face checkpoint (config.json, model.safetensors, tokenizer) on TorchSharp 0.107 / LibTorch 2.10; greedy with the key/value cache, many sequences per batch, CPU or CUDA.";

    public IReadOnlyList<BackendOptionInfo> Options => Declared.List;

    /// <summary>LibTorch is native code: by default the backend runs in a child process, where a crash fails only it.</summary>
    public bool LoadsNativeCode => true;

    public Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken)
    {
        var settings = Declared.Read(options, context);
        return Task.Run<IBackend>(() => Create(settings, options.Source, context), cancellationToken);
    }

    private static TorchSharpBackend Create(T5Settings settings, string source, BackendContext context)
    {
        // The checkpoint first: a wrong folder or file is named even where LibTorch cannot load.
        var checkpoint = HfCheckpoint.Open(settings.ModelFolder, source, "TorchSharp");
        var weights = T5Weights.Load(checkpoint.Weights, checkpoint.Config);
        LibTorch.EnsureLoaded();
        if (settings.Device == "cuda" && !torch.cuda.is_available())
            throw new BackendException($"{source}: option 'device' is cuda, but TorchSharp finds no CUDA device (this build carries LibTorch's "
                + "CPU package unless built with -p:TorchSharpNative=cuda, and needs an NVIDIA GPU); set device: cpu.");
        if (settings.Threads > 0) torch.set_num_threads(settings.Threads);
        var device = settings.Device == "cuda" ? torch.CUDA : torch.CPU;
        var config = checkpoint.Config;
        context.Log($"TorchSharp: LibTorch on {settings.Device}, {torch.get_num_threads()} thread(s); {config.NumLayers}+{config.NumDecoderLayers} layers, d_model {config.DModel}");
        return new TorchSharpBackend(settings, checkpoint, new TorchT5(config, new TorchWeights(weights, config, device), device));
    }
}
