using Harness.Backends;
using Harness.Plugins.LlamaCpp.Runtime;
using LLama.Native;

namespace Harness.Plugins.LlamaCpp;

/// <summary>The plugin's options, read and checked once.</summary>
internal sealed record LlamaSettings(
    string ModelPath,
    bool Cuda,
    int GpuLayers,
    int Threads,
    int ContextSize,
    int BatchSize,
    int MaxNewTokens,
    LLamaLogLevel LogLevel,
    string ChatTemplate,
    string SystemPrompt,
    bool KvF32,
    bool ConstrainJson,
    string Source)
{
    public static IReadOnlyList<BackendOptionInfo> Options { get; } =
    [
        new("model", "The GGUF model file (relative to the config file). Trusted input: llama.cpp parses it in native code, so use only model files from sources you trust."),
        new("device", "cpu or cuda (cuda needs the plugin built with a LLamaSharp CUDA backend and an NVIDIA GPU).", "cpu"),
        new("gpu_layers", "Layers offloaded to the GPU with device cuda; -1 means all.", "-1"),
        new("threads", "CPU threads for decoding; 0 means one per core.", "0"),
        new("context_size", "Context length per sequence, in tokens (prompt + output). On cpu the KV cache of context_size x batch_size tokens must fit in the memory available; the start is refused, with the estimate, when it does not.", "512"),
        new("batch_size", "Requests decoded together as separate sequences of one llama batch (each with its own context_size of KV cache).", "8"),
        new("max_new_tokens", "Most tokens generated per request (greedy, stops earlier at end of generation).", "256"),
        new("log_level", "llama.cpp log lines passed to the harness log: none, error, warn, info, debug.", "none"),
        new("chat_template", "auto (llama2 for decoder-only models, none for encoder-decoder ones), llama2 ([INST] <<SYS>> ... [/INST]), gguf (the template the model file carries) or none.", "auto"),
        new("system_prompt", "System message put in the chat template; empty for none.", ""),
        new("kv_type", "KV cache element type: f16 (llama.cpp's default) or f32.", "f16"),
        new("constrain", "none, or json: greedy decoding held to a GBNF grammar of the tool's JSON shape, so every answer parses (max_new_tokens must cover the longest one).", "none"),
    ];

    /// <summary>The template to use: <c>auto</c> is llama2, or none for an encoder-decoder model (T5 takes the raw prompt).</summary>
    public string ChatTemplateFor(bool encoderDecoder) => ChatTemplate != "auto" ? ChatTemplate : encoderDecoder ? "none" : "llama2";

    public static LlamaSettings Read(BackendOptions options, BackendContext context)
    {
        var model = options.GetRequiredString("model");
        var cuda = options.GetChoice("device", "cpu", "cpu", "cuda") == "cuda";
        var threads = options.GetInt32("threads", 0, 0, 1024);
        return new LlamaSettings(
            context.ResolvePath(model),
            cuda,
            cuda ? options.GetInt32("gpu_layers", -1, -1, 100_000) : 0,
            threads == 0 ? Environment.ProcessorCount : threads,
            options.GetInt32("context_size", 512, 8, 1 << 20),
            options.GetInt32("batch_size", 8, 1, 256),
            options.GetInt32("max_new_tokens", 256, 1, 1 << 20),
            LlamaLog.ParseLevel(options.GetChoice("log_level", "none", [.. LlamaLog.LevelNames])),
            options.GetChoice("chat_template", "auto", "auto", "llama2", "gguf", "none"),
            options.GetString("system_prompt") ?? "",
            options.GetChoice("kv_type", "f16", "f16", "f32") == "f32",
            options.GetChoice("constrain", "none", "none", "json") == "json",
            options.Source);
    }
}
