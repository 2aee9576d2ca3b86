using Harness.Backends;
using Harness.Plugins.Onnx.Generation;
using Harness.Tokenizers;
using Microsoft.ML.OnnxRuntime;
using static Harness.Plugins.Shared.T5.CheckpointFile;

namespace Harness.Plugins.Onnx;

/// <summary>Creates ONNX Runtime backends for FlanT5 (T5 v1.1) students exported in Hugging Face's ONNX layout.</summary>
public sealed class OnnxBackendFactory : IBackendFactory
{
    public string Name => "Onnx";

    public string Description => "FlanT5 / T5 seq2seq students on ONNX Runtime 1.32 (Hugging Face export layout), greedy with the key/value cache kept on the device, CPU or CUDA.";

    public IReadOnlyList<BackendOptionInfo> Options => OnnxSettings.Options;

    /// <summary>ONNX Runtime is native code: by default the backend runs in a child process, where a crash fails only it.</summary>
    public bool LoadsNativeCode => true;

    public Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken)
    {
        var settings = OnnxSettings.Read(options, context);
        return Task.Run<IBackend>(() => Create(settings, options.Source, context), cancellationToken);
    }

    private static OnnxBackend Create(OnnxSettings settings, string source, BackendContext context)
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
            throw CudaUnavailable(source, $"ONNX Runtime says: {FirstLine(e.Message)}");
        }
        catch (ModelFileException e)
        {
            throw new BackendException($"{e.File}: {FirstLine(e.Reason)}; re-export the model with Hugging Face's ONNX exporter (optimum) for seq2seq with past.");
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
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException)
        {
            throw new BackendException($"ONNX Runtime's native library would not load ({FirstLine(e.GetBaseException().Message)}); "
                + $"rebuild the plugin (dotnet build plugins/Onnx/Onnx.csproj -c Release), which copies it from the package {CudaProvider.Package}.");
        }
    }

    private static BackendException CudaUnavailable(string source, string why) =>
        new($"{source}: option 'device' is cuda, but the Onnx plugin cannot use CUDA here: {why}; or set device: cpu.");

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
