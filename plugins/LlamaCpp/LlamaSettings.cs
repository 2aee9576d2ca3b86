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
    string Source,
    SelectionThresholds? Thresholds = null)
{
    private static readonly BackendOption<string> ModelOption = BackendOption.Required("model",
        "The GGUF model file (relative to the config file). Trusted input: llama.cpp parses it in native code, so use only model files from sources you trust.");
    private static readonly BackendOption<string> DeviceOption = BackendOption.Choice("device",
        "cpu or cuda (cuda needs the plugin built with a LLamaSharp CUDA backend and an NVIDIA GPU).", "cpu", "cpu", "cuda");
    private static readonly BackendOption<int> GpuLayersOption = BackendOption.Int32("gpu_layers", "Layers offloaded to the GPU with device cuda; -1 means all.", -1, -1, 100_000);
    private static readonly BackendOption<int> ThreadsOption = BackendOption.Int32("threads", "CPU threads for decoding; 0 means one per core.", 0, 0, 1024);
    private static readonly BackendOption<int> ContextSizeOption = BackendOption.Int32("context_size",
        "Context length per sequence, in tokens (prompt + output). On cpu the KV cache of context_size x batch_size tokens must fit in the memory available; the start is refused, with the estimate, when it does not.", 512, 8, 1 << 20);
    private static readonly BackendOption<int> BatchSizeOption = BackendOption.Int32("batch_size",
        "Requests decoded together as separate sequences of one llama batch (each with its own context_size of KV cache).", 8, 1, 256);
    private static readonly BackendOption<int> MaxNewTokensOption = BackendOption.Int32("max_new_tokens",
        "Most tokens generated per request (greedy, stops earlier at end of generation).", 256, 1, 1 << 20);
    private static readonly BackendOption<string> LogLevelOption = BackendOption.Choice("log_level",
        "llama.cpp log lines passed to the harness log: none, error, warn, info, debug.", "none", [.. LlamaLog.LevelNames]);
    private static readonly BackendOption<string> ChatTemplateOption = BackendOption.Choice("chat_template",
        "auto (llama2 for decoder-only models, none for encoder-decoder ones), llama2 ([INST] <<SYS>> ... [/INST]), gguf (the template the model file carries) or none.", "auto", "auto", "llama2", "gguf", "none");
    private static readonly BackendOption<string> SystemPromptOption = BackendOption.Text("system_prompt", "System message put in the chat template; empty for none.", "");
    private static readonly BackendOption<string> KvTypeOption = BackendOption.Choice("kv_type", "KV cache element type: f16 (llama.cpp's default) or f32.", "f16", "f16", "f32");
    private static readonly BackendOption<string> ConstrainOption = BackendOption.Choice("constrain",
        "none, or json: greedy decoding held to a GBNF grammar of the tool's JSON shape, so every answer parses (max_new_tokens must cover the longest one).", "none", "none", "json");

    public static IReadOnlyList<BackendOptionInfo> Options { get; } =
    [
        ModelOption.Info, DeviceOption.Info, GpuLayersOption.Info, ThreadsOption.Info, ContextSizeOption.Info, BatchSizeOption.Info,
        MaxNewTokensOption.Info, LogLevelOption.Info, ChatTemplateOption.Info, SystemPromptOption.Info, KvTypeOption.Info, ConstrainOption.Info,
        SelectionThresholds.Option.Info,
    ];

    /// <summary>The template to use: <c>auto</c> is llama2, or none for an encoder-decoder model (T5 takes the raw prompt).</summary>
    public string ChatTemplateFor(bool encoderDecoder) => ChatTemplate != "auto" ? ChatTemplate : encoderDecoder ? "none" : "llama2";

    public static LlamaSettings Read(BackendOptions options, BackendContext context)
    {
        var model = ModelOption.Read(options);
        var cuda = DeviceOption.Read(options) == "cuda";
        var threads = ThreadsOption.Read(options);
        return new LlamaSettings(
            context.ResolvePath(model),
            cuda,
            cuda ? GpuLayersOption.Read(options) : 0,
            threads == 0 ? Environment.ProcessorCount : threads,
            ContextSizeOption.Read(options),
            BatchSizeOption.Read(options),
            MaxNewTokensOption.Read(options),
            LlamaLog.ParseLevel(LogLevelOption.Read(options)),
            ChatTemplateOption.Read(options),
            SystemPromptOption.Read(options),
            KvTypeOption.Read(options) == "f32",
            ConstrainOption.Read(options) == "json",
            options.Source,
            SelectionThresholds.Read(options, context));
    }
}
