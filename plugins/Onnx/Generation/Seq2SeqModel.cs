using Harness.Plugins.Shared.T5;
using Harness.Tokenizers;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Harness.Plugins.Onnx.Generation;

/// <summary>
/// Greedy encoder-decoder generation over ONNX Runtime sessions with I/O binding and the
/// key/value cache: the encoder runs once, its cross-attention keys and values come out of
/// the first decoder step and are reused, each later step feeds one token per sequence, and
/// every cache tensor stays where ONNX Runtime allocated it (on the device) between steps.
/// Only the logits of the last position are copied to the host, for the argmax (and, at the
/// first step, the not-used probability).
/// </summary>
internal sealed class Seq2SeqModel : IDisposable
{
    private readonly T5Config _config;
    private readonly DecoderSessions _sessions;
    private readonly OrtMemoryInfo _device;
    private readonly RunOptions _runOptions = new();

    private Seq2SeqModel(T5Config config, DecoderSessions sessions, OrtMemoryInfo device)
    {
        _config = config;
        _sessions = sessions;
        _device = device;
    }

    public T5Config Config => _config;

    public static Seq2SeqModel Open(ModelLayout layout, T5Config config, int threads, bool cuda)
    {
        var sessions = DecoderSessions.Open(layout, threads, cuda);
        var device = cuda ? new OrtMemoryInfo(OrtMemoryInfo.allocatorCUDA, OrtAllocatorType.DeviceAllocator, 0, OrtMemType.Default) : OrtMemoryInfo.DefaultInstance;
        return new Seq2SeqModel(config, sessions, device);
    }

    /// <summary>The answer to each input: ids without the final <c>&lt;/s&gt;</c>, at most <paramref name="maxNewTokens"/>, and the not-used probability.</summary>
    public Generated[] Generate(IReadOnlyList<int[]> inputs, int maxNewTokens, NotUsedAnswer notUsed, CalibratedStart? calibrated, CancellationToken cancellationToken)
    {
        var (ids, mask, batch, width) = PaddedBatch.Of(inputs, _config.PadTokenId);
        using var state = new DecodeState();
        state.Set("encoder_attention_mask", OrtValue.CreateTensorValueFromMemory(mask, [batch, width]));
        using (var inputIds = OrtValue.CreateTensorValueFromMemory(ids, [batch, width]))
        {
            state.TryGet("encoder_attention_mask", out var encoderMask);
            var encoded = Run(_sessions.Encoder, ["last_hidden_state"], name => name == "input_ids" ? inputIds : encoderMask);
            state.Set("encoder_hidden_states", encoded[0]);
        }
        return GreedyDecoding.Run(_config, batch, maxNewTokens, (step, tokens) => Step(state, step, tokens, batch, notUsed), calibrated, cancellationToken);
    }

    private DecodedStep Step(DecodeState state, int step, long[] tokens, int batch, NotUsedAnswer notUsed)
    {
        var session = step == 0 ? _sessions.First : _sessions.Next;
        var owned = new List<OrtValue> { OrtValue.CreateTensorValueFromMemory(tokens, [batch, 1]) };
        try
        {
            OrtValue Input(string name)
            {
                if (name == "input_ids") return owned[0];
                if (state.TryGet(name, out var kept)) return kept;
                var value = name switch
                {
                    "use_cache_branch" => OrtValue.CreateTensorValueFromMemory(new[] { step > 0 }, [1]),
                    "attention_mask" => OrtValue.CreateTensorValueFromMemory(Enumerable.Repeat(1L, batch * (step + 1)).ToArray(), [batch, step + 1]),
                    // The merged decoder's first step takes an empty cache.
                    _ when name.StartsWith("past_key_values.", StringComparison.Ordinal) && step == 0 =>
                        OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, [batch, _config.NumHeads, 0, _config.DKv]),
                    _ => throw new ModelFileException(step == 0 ? "decoder" : "decoder with past", $"it asks for input '{name}', which a T5 decoder in Hugging Face's export layout does not have"),
                };
                owned.Add(value);
                return value;
            }
            var names = session.OutputNames;
            var results = Run(session, names, Input);
            var rest = state.TakePresents(names, results, takeEncoder: step == 0);
            owned.AddRange(rest.Values);
            return Argmax(rest["logits"], batch, step == 0 ? notUsed : null);
        }
        finally
        {
            foreach (var value in owned) value.Dispose();
        }
    }

    /// <summary>
    /// One run with I/O binding: every input the session declares, bound by its own name (the
    /// split decoder with past has no encoder_hidden_states); the outputs allocated by ONNX
    /// Runtime on the model's device, the logits on the host. The caller owns the outputs.
    /// </summary>
    private OrtValue[] Run(InferenceSession session, IReadOnlyList<string> outputs, Func<string, OrtValue> input)
    {
        using var binding = session.CreateIoBinding();
        foreach (var name in session.InputNames) binding.BindInput(name, input(name));
        foreach (var name in outputs) binding.BindOutputToDevice(name, name == "logits" ? OrtMemoryInfo.DefaultInstance : _device);
        session.RunWithBinding(_runOptions, binding);
        return [.. binding.GetOutputValues()];
    }

    /// <summary>Each sequence's most likely next token; with <paramref name="notUsed"/>, also each one's not-used probability and best other token.</summary>
    private static DecodedStep Argmax(OrtValue logits, int batch, NotUsedAnswer? notUsed)
    {
        var shape = logits.GetTensorTypeAndShape().Shape;
        var (steps, vocab) = ((int)shape[1], (int)shape[2]);
        var data = logits.GetTensorDataAsSpan<float>();
        var next = new long[batch];
        var probabilities = notUsed is null ? null : new double[batch];
        var others = notUsed is null ? null : new long[batch];
        for (var b = 0; b < batch; b++)
        {
            var row = data.Slice(((b * steps) + steps - 1) * vocab, vocab);
            var best = 0;
            for (var v = 1; v < vocab; v++) if (row[v] > row[best]) best = v;
            next[b] = best;
            if (probabilities is null) continue;
            probabilities[b] = notUsed!.Probability(row);
            others![b] = notUsed.BestOther(row);
        }
        return new DecodedStep(next, probabilities, others);
    }

    public void Dispose()
    {
        _sessions.Dispose();
        _runOptions.Dispose();
        if (!ReferenceEquals(_device, OrtMemoryInfo.DefaultInstance)) _device.Dispose();
    }
}
