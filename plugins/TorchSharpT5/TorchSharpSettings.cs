using Harness.Backends;

namespace Harness.Plugins.TorchSharpT5;

/// <summary>The TorchSharp backend's options, read and checked once.</summary>
internal sealed record TorchSharpSettings(string ModelFolder, string Device, int Threads, int BatchSize, int MaxNewTokens)
{
    public static IReadOnlyList<BackendOptionInfo> Options { get; } =
    [
        new("model", "Hugging Face checkpoint folder with config.json, model.safetensors and tokenizer.json (or spiece.model). Trusted input: its tensors go to LibTorch (native code), so use only checkpoints from sources you trust."),
        new("device", "cpu or cuda (cuda needs the plugin built with -p:TorchSharpNative=cuda and an NVIDIA GPU; never falls back to cpu).", "cpu"),
        new("threads", "LibTorch's intra-op threads (torch.set_num_threads, one setting per process); 0 keeps LibTorch's default.", "0"),
        new("batch_size", "Most requests decoded together (padded, with attention masks); the runner's batch_size decides how many arrive at once.", "32"),
        new("max_new_tokens", "Most tokens generated per request before stopping without </s>.", "64"),
    ];

    public static TorchSharpSettings Read(BackendOptions options, BackendContext context) => new(
        context.ResolvePath(options.GetRequiredString("model")),
        options.GetChoice("device", "cpu", "cpu", "cuda"),
        options.GetInt32("threads", 0, 0, 1024),
        options.GetInt32("batch_size", 32, 1, 4096),
        options.GetInt32("max_new_tokens", 64, 1, 100_000));
}
