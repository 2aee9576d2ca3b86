using Harness.Plugins.Shared;
using Microsoft.ML.OnnxRuntime;

namespace Harness.Plugins.Onnx.Generation;

/// <summary>
/// The ONNX Runtime sessions of one model folder: the encoder, the decoder of the first step
/// and the decoder of later steps (the same merged session in the merged layout), each
/// checked to have the inputs and outputs of Hugging Face's T5 export when it is opened.
/// </summary>
internal sealed class DecoderSessions : IDisposable
{
    private static int _open;

    private DecoderSessions(InferenceSession encoder, InferenceSession first, InferenceSession next)
    {
        Encoder = encoder;
        First = first;
        Next = next;
    }

    /// <summary>How many sessions the plugin holds open in this process (the leak test reads it).</summary>
    public static int OpenCount => Volatile.Read(ref _open);

    public InferenceSession Encoder { get; }
    public InferenceSession First { get; }
    public InferenceSession Next { get; }
    public bool IsMerged => ReferenceEquals(First, Next);

    public static DecoderSessions Open(ModelLayout layout, int threads, bool cuda)
    {
        var opened = new List<InferenceSession>();
        InferenceSession Open(string path, string requiredOutput, Func<string, bool> knownInput)
        {
            var session = OpenFile(path, threads, cuda);
            opened.Add(session);
            Interlocked.Increment(ref _open);
            CheckNames(path, session, requiredOutput, knownInput);
            return session;
        }
        InferenceSession Decoder(string path) => Open(path, "logits", name => name is "input_ids" or "attention_mask" or "encoder_hidden_states"
            or "encoder_attention_mask" or "use_cache_branch" || name.StartsWith("past_key_values.", StringComparison.Ordinal));
        try
        {
            var encoder = Open(layout.Encoder, "last_hidden_state", name => name is "input_ids" or "attention_mask");
            if (layout.IsMerged)
            {
                var merged = Decoder(layout.MergedDecoder!);
                return new DecoderSessions(encoder, merged, merged);
            }
            var first = Decoder(layout.Decoder!);
            return new DecoderSessions(encoder, first, Decoder(layout.DecoderWithPast!));
        }
        catch
        {
            foreach (var session in opened) Close(session);
            throw;
        }
    }

    private static InferenceSession OpenFile(string path, int threads, bool cuda)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // Fatal only: every error reaches the user as one exception message.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
        };
        // Idle intra-op threads sleep instead of spinning: on a machine with few cores shared
        // with the host's own threads, spinning workers starve the thread that waits on them.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        try
        {
            if (cuda) options.AppendExecutionProvider_CUDA(0);
        }
        catch (OnnxRuntimeException e)
        {
            throw new CudaUnavailableException(e.Message);
        }
        try
        {
            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e) when (cuda && e.Message.Contains("cuda", StringComparison.OrdinalIgnoreCase))
        {
            throw new CudaUnavailableException(e.Message);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelFileException(path, $"ONNX Runtime cannot load it ({NativeLoad.FirstLine(e.Message)})");
        }
    }

    /// <summary>A model whose inputs or outputs are not those of Hugging Face's T5 export is refused when it is loaded, not mid-run.</summary>
    private static void CheckNames(string path, InferenceSession session, string requiredOutput, Func<string, bool> knownInput)
    {
        var unknown = session.InputNames.FirstOrDefault(n => !knownInput(n));
        if (unknown is not null)
            throw new ModelFileException(path, $"it has the input '{unknown}', which a T5 model in Hugging Face's ONNX export layout does not have");
        if (!session.OutputNames.Contains(requiredOutput))
            throw new ModelFileException(path, $"it has no output '{requiredOutput}' (outputs: {string.Join(", ", session.OutputNames)})");
    }

    private static void Close(InferenceSession session)
    {
        session.Dispose();
        Interlocked.Decrement(ref _open);
    }

    public void Dispose()
    {
        Close(Encoder);
        Close(First);
        if (!IsMerged) Close(Next);
    }
}
