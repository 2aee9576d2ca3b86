using Harness.Backends;
using Harness.Plugins.Shared.T5;

namespace Harness.Plugins.TorchSharpT5;

/// <summary>The TorchSharp backend's options, each declared once, read and checked once.</summary>
internal sealed record TorchSharpSettings(string ModelFolder, string Device, int Threads, int BatchSize, int MaxNewTokens)
{
    private static readonly BackendOption<string> ModelOption = BackendOption.Required("model",
        "Hugging Face checkpoint folder with config.json, model.safetensors and tokenizer.json (or spiece.model). Trusted input: its tensors go to LibTorch (native code), so use only checkpoints from sources you trust.");
    private static readonly BackendOption<string> DeviceOption = BackendOption.Choice("device",
        "cpu or cuda (cuda needs the plugin built with -p:TorchSharpNative=cuda and an NVIDIA GPU; never falls back to cpu).", "cpu", "cpu", "cuda");
    private static readonly BackendOption<int> ThreadsOption = T5Options.Threads(
        "LibTorch's intra-op threads (torch.set_num_threads, one setting per process); 0 keeps LibTorch's default.");
    private static readonly BackendOption<int> MaxNewTokensOption = T5Options.MaxNewTokens(64);

    public static IReadOnlyList<BackendOptionInfo> Options { get; } =
        [ModelOption.Info, DeviceOption.Info, ThreadsOption.Info, T5Options.BatchSize.Info, MaxNewTokensOption.Info];

    public static TorchSharpSettings Read(BackendOptions options, BackendContext context) => new(
        context.ResolvePath(ModelOption.Read(options)),
        DeviceOption.Read(options),
        ThreadsOption.Read(options),
        T5Options.BatchSize.Read(options),
        MaxNewTokensOption.Read(options));
}
