using Harness.Backends;
using Harness.Plugins.Shared.T5;

namespace Harness.Plugins.HfT5;

/// <summary>The HfT5 backend's options, each declared once, read and checked once.</summary>
internal sealed record HfT5Settings(string ModelFolder, int Threads, int MaxNewTokens, SelectionThresholds? Thresholds = null)
{
    private static readonly BackendOption<string> ModelOption = BackendOption.Required("model",
        "Hugging Face checkpoint folder with config.json, model.safetensors and tokenizer.json.");
    private static readonly BackendOption<string> DeviceOption = BackendOption.Choice("device", "Only cpu: this plugin runs in plain C#.", "cpu", "cpu");
    private static readonly BackendOption<int> ThreadsOption = T5Options.Threads("Threads for the matrix-vector products; 0 uses every core.");
    private static readonly BackendOption<int> MaxNewTokensOption = T5Options.MaxNewTokens(64);

    public static IReadOnlyList<BackendOptionInfo> Options { get; } =
        [ModelOption.Info, DeviceOption.Info, ThreadsOption.Info, MaxNewTokensOption.Info, SelectionThresholds.Option.Info];

    public static HfT5Settings Read(BackendOptions options, BackendContext context)
    {
        var model = ModelOption.Read(options);
        // A GPU asked for gets its own answer, not just "must be one of cpu".
        var device = options.GetString(DeviceOption.Name)?.Trim().ToLowerInvariant() ?? "cpu";
        if (device is "cuda" or "gpu")
            throw new BackendException($"{options.Source}: option 'device' is {device}: HfT5 runs on CPU only; use the Onnx plugin with a CUDA build for GPU.");
        DeviceOption.Read(options);
        var threads = ThreadsOption.Read(options);
        return new HfT5Settings(context.ResolvePath(model), threads == 0 ? Environment.ProcessorCount : threads, MaxNewTokensOption.Read(options),
            SelectionThresholds.Read(options, context));
    }
}
