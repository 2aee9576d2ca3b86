using Harness.Backends;
using Harness.Plugins.Onnx.Generation;
using Harness.Tokenizers;
using Microsoft.ML.OnnxRuntime;
using Harness.Plugins.Shared;
using Harness.Plugins.Shared.T5;
using static Harness.Plugins.Shared.T5.CheckpointFile;

namespace Harness.Plugins.Onnx;

/// <summary>Creates ONNX Runtime backends for FlanT5 (T5 v1.1) students exported in Hugging Face's ONNX layout.</summary>
public sealed class OnnxBackendFactory : IBackendFactory
{
    // The options of every batched T5 engine, in this engine's words.
    private static readonly T5Settings.Options Declared = new(
        model: "Folder with config.json, tokenizer.json, encoder_model.onnx and decoder_model.onnx + decoder_with_past_model.onnx or decoder_model_merged.onnx. Trusted input: ONNX Runtime parses the .onnx files in native code, so use only models from sources you trust.",
        device: "cpu or cuda (cuda needs the plugin built with -p:OnnxRuntimeDevice=cuda, an NVIDIA GPU, CUDA 13 and cuDNN 9; never falls back to cpu).",
        threads: "Intra-op threads per session; 0 lets ONNX Runtime choose.",
        maxNewTokens: 256);

    public string Name => "Onnx";

    public string Description => "FlanT5 / T5 seq2seq students on ONNX Runtime 1.32 (Hugging Face export layout), greedy with the key/value cache kept on the device, CPU or CUDA.";

    public IReadOnlyList<BackendOptionInfo> Options => Declared.List;

    /// <summary>ONNX Runtime is native code: by default the backend runs in a child process, where a crash fails only it.</summary>
    public bool LoadsNativeCode => true;

    public Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken)
    {
        var settings = Declared.Read(options, context);
        return Task.Run<IBackend>(() => Create(settings, options.Source, context), cancellationToken);
    }

    private static OnnxBackend Create(T5Settings settings, string source, BackendContext context)
    {
        ModelLayout layout;
        try
        {
            layout = ModelLayout.Find(settings.ModelFolder);
        }
        catch (FileNotFoundException e)
        {
            throw new BackendException($"{source}: option 'model': {e.Message}.");
        }
        var config = Read(layout.Config, T5Config.Read);
        var tokenizer = Read(layout.Tokenizer, T5Tokenizer.Load);
        if (config.TokenizerMismatch(tokenizer.VocabularySize) is { } mismatch)
            throw new BackendException($"{layout.Tokenizer}: {mismatch}.");
        var version = RuntimeVersion();
        var cuda = settings.Device == "cuda";
        if (cuda && CudaProvider.Missing() is { } missing)
            throw CudaUnavailable(source, missing);
        Seq2SeqModel model;
        try
        {
            model = Seq2SeqModel.Open(layout, config, settings.Threads, cuda);
        }
        catch (CudaUnavailableException e)
        {
            throw CudaUnavailable(source, $"ONNX Runtime says: {NativeLoad.FirstLine(e.Message)}");
        }
        catch (ModelFileException e)
        {
            throw new BackendException($"{e.File}: {NativeLoad.FirstLine(e.Reason)}; re-export the model with Hugging Face's ONNX exporter (optimum) for seq2seq with past.");
        }
        context.Log($"Onnx: ONNX Runtime {version} ({CudaProvider.Package}); {(layout.IsMerged ? "merged" : "split")} decoder; device {settings.Device}");
        return new OnnxBackend(settings, layout, tokenizer, model);
    }

    /// <summary>The first touch of ONNX Runtime: its native library loads here or the run stops saying so.</summary>
    private static string RuntimeVersion()
    {
        try
        {
            return OrtEnv.Instance().GetVersionString();
        }
        catch (Exception e) when (NativeLoad.Failed(e))
        {
            throw new BackendException($"ONNX Runtime's native library would not load ({NativeLoad.FirstLine(e.GetBaseException().Message)}); "
                + $"rebuild the plugin (dotnet build plugins/Onnx/Onnx.csproj -c Release), which copies it from the package {CudaProvider.Package}.");
        }
    }

    private static BackendException CudaUnavailable(string source, string why) =>
        new($"{source}: option 'device' is cuda, but the Onnx plugin cannot use CUDA here: {why}; or set device: cpu.");
}
