using System.Security.Cryptography;
using Harness.Backends;
using Harness.Plugins.LlamaCpp.Generation;
using Harness.Plugins.LlamaCpp.Native;

namespace Harness.Plugins.LlamaCpp;

/// <summary>Creates <see cref="LlamaCppBackend"/>s: GGUF students through llama.cpp on CPU or CUDA.</summary>
public sealed class LlamaCppBackendFactory : IBackendFactory
{
    public string Name => "LlamaCpp";

    public string Description => "GGUF students (Llama-2 chat, other decoder-only models, T5 encoder-decoders) through llama.cpp 0.5.0: greedy, many sequences per batch.";

    public IReadOnlyList<BackendOptionInfo> Options => LlamaSettings.Options;

    public async Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken)
    {
        var settings = LlamaSettings.Read(options, context);
        GgufHeader.Check(settings.ModelPath, settings.Source);
        var library = LlamaLibrary.Load(settings.LibraryPath, context.PluginDirectory, settings.Cuda);
        LlamaLog.Route(context.Log, settings.LogLevel);
        if (settings.Cuda && !library.HasCuda)
            throw new BackendException($"{settings.Source}: option 'device' is cuda but ggml loaded no CUDA backend from {library.Directory}: there is no NVIDIA GPU/driver here or the CUDA 13 runtime (libcudart.so.13, libcublas.so.13) is not installed; install it or use device: cpu.");
        var sha256 = await HashAsync(settings.ModelPath, cancellationToken);
        var model = LlamaModel.Load(library, settings.ModelPath, settings.GpuLayers, settings.Source);
        BatchDecoder? decoder = null;
        try
        {
            decoder = new BatchDecoder(model, settings);
            var renderer = new PromptRenderer(model, settings.ChatTemplateFor(model.HasEncoder), settings.SystemPrompt, settings.Source);
            CheckContextFits(model, decoder, renderer, settings);
            context.Log($"LlamaCpp: {Path.GetFileName(settings.ModelPath)} on {(settings.Cuda ? "cuda" : "cpu")}, {settings.BatchSize} sequences x {decoder.ContextPerSequence} tokens, {settings.Threads} threads ({library.LibraryPath})");
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
    /// Fails at start, not call by call, when even the shortest prompt the harness sends
    /// (spec §3's template with an empty intent) does not fit the context with room to answer.
    /// </summary>
    private static void CheckContextFits(LlamaModel model, BatchDecoder decoder, PromptRenderer renderer, LlamaSettings settings)
    {
        var probe = model.Tokenize(renderer.Render("tool: filter\nintent: ")).Length;
        if (probe + 1 > decoder.ContextPerSequence)
            throw new BackendException(
                $"{settings.Source}: option 'context_size' ({decoder.ContextPerSequence}) is too small for the prompt: the chat template and 'tool: filter / intent:' alone take {probe} tokens; set context_size to at least {probe + settings.MaxNewTokens + 32}.");
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
