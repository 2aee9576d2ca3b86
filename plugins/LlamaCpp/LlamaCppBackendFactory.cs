using Harness.Backends;
using Harness.Plugins.LlamaCpp.Generation;
using Harness.Plugins.LlamaCpp.Grammar;
using Harness.Plugins.LlamaCpp.Runtime;
using Harness.Plugins.Shared.Gguf;

namespace Harness.Plugins.LlamaCpp;

/// <summary>Creates <see cref="LlamaCppBackend"/>s: GGUF students through LLamaSharp's llama.cpp on CPU or CUDA.</summary>
public sealed class LlamaCppBackendFactory : IBackendFactory
{
    public string Name => "LlamaCpp";

    public string Description => "GGUF students (Llama-2 chat, other decoder-only models, T5 encoder-decoders) through LLamaSharp 0.30's llama.cpp: greedy, optionally held to a JSON grammar, many sequences per batch.";

    public IReadOnlyList<BackendOptionInfo> Options => LlamaSettings.Options;

    /// <summary>llama.cpp is native code: by default the backend runs in a child process, where a crash fails only it.</summary>
    public bool LoadsNativeCode => true;

    public async Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken)
    {
        var settings = LlamaSettings.Read(options, context);
        GgufHeader.Check(settings.ModelPath, settings.Source);
        CheckKvCacheFits(settings);
        LlamaRuntime.Load(context.PluginDirectory, settings.Cuda, settings.Source);
        LlamaLog.Route(context.Log, settings.LogLevel);
        var sha256 = await FileHash.Sha256Async(settings.ModelPath, cancellationToken);
        var model = LlamaModel.Load(settings.ModelPath, settings.GpuLayers, settings.Source);
        BatchDecoder? decoder = null;
        try
        {
            decoder = new BatchDecoder(model, settings);
            var renderer = new PromptRenderer(model, settings.ChatTemplateFor(model.HasEncoder), settings.SystemPrompt, settings.Source);
            CheckContextFits(model, decoder, renderer, settings);
            context.Log($"LlamaCpp: {Path.GetFileName(settings.ModelPath)} on {(settings.Cuda ? "cuda" : "cpu")}, {settings.BatchSize} sequences x {decoder.ContextPerSequence} tokens, {settings.Threads} threads{(settings.ConstrainJson ? ", constrained to JSON" : "")} ({LlamaRuntime.Description})");
            return new LlamaCppBackend(model, decoder, renderer, settings, sha256);
        }
        catch
        {
            decoder?.Dispose();
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Refuses, before llama.cpp allocates it, a KV cache (context_size x batch_size tokens) larger
    /// than the memory available: the kernel would kill the process without a message. On CUDA
    /// the cache lives in GPU memory, where llama.cpp reports a failed allocation itself.
    /// </summary>
    private static void CheckKvCacheFits(LlamaSettings settings)
    {
        if (settings.Cuda || GgufMetadata.TryRead(settings.ModelPath) is not { } gguf) return;
        KvCacheEstimate.For(gguf, (long)settings.ContextSize * settings.BatchSize, settings.KvF32 ? 4 : 2)
            ?.CheckFits(KvCacheEstimate.AvailableMemoryBytes(), settings.Source, "context_size", "batch_size");
    }

    /// <summary>
    /// Fails at start, not call by call, when even the shortest prompt the harness sends
    /// (spec §3's template with an empty intent) does not fit the context with room to answer,
    /// or, with <c>constrain: json</c>, when max_new_tokens could cut a grammar's longest answer.
    /// </summary>
    private static void CheckContextFits(LlamaModel model, BatchDecoder decoder, PromptRenderer renderer, LlamaSettings settings)
    {
        var answer = settings.ConstrainJson ? ToolGrammars.All.Max(g => g.MaxTokens) : 1;
        if (settings.ConstrainJson && settings.MaxNewTokens < answer)
            throw new BackendException(
                $"{settings.Source}: option 'max_new_tokens' ({settings.MaxNewTokens}) is too small for constrain: json: the longest answer the grammars allow takes up to {answer} tokens, and one cut short would not parse; set max_new_tokens to at least {answer}.");
        var probe = model.Tokenize(renderer.Render("tool: filter\nintent: ")).Length;
        if (probe + answer > decoder.ContextPerSequence)
            throw new BackendException(
                $"{settings.Source}: option 'context_size' ({decoder.ContextPerSequence}) is too small for the prompt: the chat template and 'tool: filter / intent:' alone take {probe} tokens; set context_size to at least {probe + Math.Max(answer, settings.MaxNewTokens) + 32}.");
    }
}
