using Harness.Backends;

namespace Harness.Plugins.HfT5;

/// <summary>The HfT5 backend's options, read and checked once.</summary>
internal sealed record HfT5Settings(string ModelFolder, int Threads, int MaxNewTokens)
{
    public static IReadOnlyList<BackendOptionInfo> Options { get; } =
    [
        new("model", "Hugging Face checkpoint folder with config.json, model.safetensors and tokenizer.json."),
        new("device", "Only cpu: this plugin runs in plain C#.", "cpu"),
        new("threads", "Threads for the matrix-vector products; 0 uses every core.", "0"),
        new("max_new_tokens", "Most tokens generated per request before stopping without </s>.", "64"),
    ];

    public static HfT5Settings Read(BackendOptions options, BackendContext context)
    {
        var model = options.GetRequiredString("model");
        var device = options.GetString("device")?.Trim().ToLowerInvariant() ?? "cpu";
        if (device is "cuda" or "gpu")
            throw new BackendException($"{options.Source}: option 'device' is {device}: HfT5 runs on CPU only; use the Onnx plugin with a CUDA build for GPU.");
        options.GetChoice("device", "cpu", "cpu");
        var threads = options.GetInt32("threads", 0, 0, 1024);
        return new HfT5Settings(context.ResolvePath(model), threads == 0 ? Environment.ProcessorCount : threads,
            options.GetInt32("max_new_tokens", 64, 1, 100_000));
    }
}
