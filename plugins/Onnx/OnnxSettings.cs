using Harness.Backends;

namespace Harness.Plugins.Onnx;

/// <summary>The Onnx backend's options, read and checked once.</summary>
internal sealed record OnnxSettings(string ModelFolder, string Device, int Threads, int BatchSize, int MaxNewTokens)
{
    public static IReadOnlyList<BackendOptionInfo> Options { get; } =
    [
        new("model", "Folder with config.json, tokenizer.json, encoder_model.onnx and decoder_model.onnx + decoder_with_past_model.onnx or decoder_model_merged.onnx. Trusted input: ONNX Runtime parses the .onnx files in native code, so use only models from sources you trust."),
        new("device", "cpu or cuda (cuda needs the plugin built with -p:OnnxRuntimeDevice=cuda, an NVIDIA GPU, CUDA 13 and cuDNN 9; never falls back to cpu).", "cpu"),
        new("threads", "Intra-op threads per session; 0 lets ONNX Runtime choose.", "0"),
        new("batch_size", "Most requests decoded together (padded, with attention masks); the runner's batch_size decides how many arrive at once.", "32"),
        new("max_new_tokens", "Most tokens generated per request before stopping without </s>.", "256"),
    ];

    public static OnnxSettings Read(BackendOptions options, BackendContext context)
    {
        var model = options.GetRequiredString("model");
        return new OnnxSettings(
            context.ResolvePath(model),
            options.GetChoice("device", "cpu", "cpu", "cuda"),
            options.GetInt32("threads", 0, 0, 1024),
            options.GetInt32("batch_size", 32, 1, 4096),
            options.GetInt32("max_new_tokens", 256, 1, 100_000));
    }
}
