using Harness.Backends;
using Harness.Plugins.Shared.T5;

namespace Harness.Plugins.Onnx;

/// <summary>The Onnx backend's options, each declared once, read and checked once.</summary>
internal sealed record OnnxSettings(string ModelFolder, string Device, int Threads, int BatchSize, int MaxNewTokens)
{
    private static readonly BackendOption<string> ModelOption = BackendOption.Required("model",
        "Folder with config.json, tokenizer.json, encoder_model.onnx and decoder_model.onnx + decoder_with_past_model.onnx or decoder_model_merged.onnx. Trusted input: ONNX Runtime parses the .onnx files in native code, so use only models from sources you trust.");
    private static readonly BackendOption<string> DeviceOption = BackendOption.Choice("device",
        "cpu or cuda (cuda needs the plugin built with -p:OnnxRuntimeDevice=cuda, an NVIDIA GPU, CUDA 13 and cuDNN 9; never falls back to cpu).", "cpu", "cpu", "cuda");
    private static readonly BackendOption<int> ThreadsOption = T5Options.Threads("Intra-op threads per session; 0 lets ONNX Runtime choose.");
    private static readonly BackendOption<int> MaxNewTokensOption = T5Options.MaxNewTokens(256);

    public static IReadOnlyList<BackendOptionInfo> Options { get; } =
        [ModelOption.Info, DeviceOption.Info, ThreadsOption.Info, T5Options.BatchSize.Info, MaxNewTokensOption.Info];

    public static OnnxSettings Read(BackendOptions options, BackendContext context) => new(
        context.ResolvePath(ModelOption.Read(options)),
        DeviceOption.Read(options),
        ThreadsOption.Read(options),
        T5Options.BatchSize.Read(options),
        MaxNewTokensOption.Read(options));
}
