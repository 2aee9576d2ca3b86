using Harness.Backends;
using Harness.Plugins.Onnx.Generation;
using Harness.Plugins.Onnx.Native;
using Harness.Tokenizers;
using static Harness.Plugins.Shared.T5.CheckpointFile;

namespace Harness.Plugins.Onnx;

/// <summary>Creates ONNX Runtime backends for FlanT5 (T5 v1.1) students exported in Hugging Face's ONNX layout.</summary>
public sealed class OnnxBackendFactory : IBackendFactory
{
    public string Name => "Onnx";

    public string Description => "FlanT5 / T5 seq2seq students on ONNX Runtime 1.30 (Hugging Face export layout), greedy with the key/value cache, CPU or CUDA.";

    public IReadOnlyList<BackendOptionInfo> Options => OnnxSettings.Options;

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
        var tokenizer = Read(layout.Tokenizer, UnigramTokenizer.Load);
        if (config.TokenizerMismatch(tokenizer.VocabularySize) is { } mismatch)
            throw new BackendException($"{layout.Tokenizer}: {mismatch}.");
        var runtime = OrtRuntime.Load(settings.OrtLibrary, context.PluginDirectory);
        var cuda = settings.Device == "cuda";
        Seq2SeqModel model;
        try
        {
            model = Seq2SeqModel.Open(runtime, layout, config, settings.Threads, cuda);
        }
        catch (CudaUnavailableException e)
        {
            throw new BackendException($"{source}: option 'device' is cuda, but ONNX Runtime at {runtime.LibraryPath} cannot use CUDA ({FirstLine(e.Message)}); "
                + "point 'ort_library' at a GPU build of ONNX Runtime 1.30 on a machine with an NVIDIA GPU, or set device: cpu.");
        }
        catch (ModelFileException e)
        {
            throw new BackendException($"{e.File}: {FirstLine(e.Reason)}; re-export the model with Hugging Face's ONNX exporter (optimum) for seq2seq with past.");
        }
        context.Log($"Onnx: ONNX Runtime {runtime.Version} from {runtime.LibraryPath}; {(layout.IsMerged ? "merged" : "split")} decoder; device {settings.Device}");
        return new OnnxBackend(settings, layout, tokenizer, model);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
