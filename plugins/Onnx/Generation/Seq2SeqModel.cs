using Harness.Plugins.Onnx.Native;

namespace Harness.Plugins.Onnx.Generation;

/// <summary>
/// Greedy encoder-decoder generation over ONNX Runtime sessions, with the key/value
/// cache: the encoder runs once, its cross-attention keys and values are computed at the
/// first decoder step and reused, and each later step feeds one token per sequence.
/// </summary>
internal sealed class Seq2SeqModel : IDisposable
{
    private readonly OrtRuntime _runtime;
    private readonly T5Config _config;
    private readonly OrtSession _encoder;
    private readonly OrtSession _first;
    private readonly OrtSession _next;
    private readonly bool _merged;

    private Seq2SeqModel(OrtRuntime runtime, T5Config config, OrtSession encoder, OrtSession first, OrtSession next, bool merged)
    {
        _runtime = runtime;
        _config = config;
        _encoder = encoder;
        _first = first;
        _next = next;
        _merged = merged;
    }

    public T5Config Config => _config;

    public static Seq2SeqModel Open(OrtRuntime runtime, ModelLayout layout, T5Config config, int threads, bool cuda)
    {
        var opened = new List<OrtSession>();
        OrtSession Open(string path)
        {
            try
            {
                var session = OrtSession.Open(runtime, path, threads, cuda);
                opened.Add(session);
                return session;
            }
            catch (OrtException e) when (cuda && e.Message.Contains("cuda", StringComparison.OrdinalIgnoreCase))
            {
                throw new CudaUnavailableException(e.Message);
            }
            catch (OrtException e)
            {
                throw new ModelFileException(path, $"ONNX Runtime cannot load it ({e.Message.Split('\n', 2)[0].Trim()})");
            }
        }
        OrtSession Decoder(string path)
        {
            var session = Open(path);
            CheckNames(path, session, "logits", name => name is "input_ids" or "attention_mask" or "encoder_hidden_states" or "encoder_attention_mask" or "use_cache_branch"
                || name.StartsWith("past_key_values.", StringComparison.Ordinal));
            return session;
        }
        try
        {
            var encoder = Open(layout.Encoder);
            CheckNames(layout.Encoder, encoder, "last_hidden_state", name => name is "input_ids" or "attention_mask");
            if (layout.IsMerged)
            {
                var merged = Decoder(layout.MergedDecoder!);
                return new Seq2SeqModel(runtime, config, encoder, merged, merged, merged: true);
            }
            var first = Decoder(layout.Decoder!);
            return new Seq2SeqModel(runtime, config, encoder, first, Decoder(layout.DecoderWithPast!), merged: false);
        }
        catch
        {
            foreach (var s in opened) s.Dispose();
            throw;
        }
    }

    /// <summary>A model whose inputs or outputs are not those of Hugging Face's T5 export is refused when it is loaded, not mid-run.</summary>
    private static void CheckNames(string path, OrtSession session, string requiredOutput, Func<string, bool> knownInput)
    {
        var unknown = session.InputNames.FirstOrDefault(n => !knownInput(n));
        if (unknown is not null)
            throw new ModelFileException(path, $"it has the input '{unknown}', which a T5 model in Hugging Face's ONNX export layout does not have");
        if (!session.OutputNames.Contains(requiredOutput))
            throw new ModelFileException(path, $"it has no output '{requiredOutput}' (outputs: {string.Join(", ", session.OutputNames)})");
    }

    /// <summary>The generated ids of each input (without the final <c>&lt;/s&gt;</c>), at most <paramref name="maxNewTokens"/> each.</summary>
    public int[][] Generate(IReadOnlyList<int[]> inputs, int maxNewTokens, CancellationToken cancellationToken)
    {
        var batch = inputs.Count;
        var width = inputs.Max(x => x.Length);
        var ids = new long[batch * width];
        var mask = new long[batch * width];
        for (var b = 0; b < batch; b++)
        {
            for (var i = 0; i < width; i++)
            {
                ids[b * width + i] = i < inputs[b].Length ? inputs[b][i] : _config.PadTokenId;
                mask[b * width + i] = i < inputs[b].Length ? 1 : 0;
            }
        }
        using var state = new DecodeState(_runtime);
        var encoderIds = state.Keep(OrtValue.FromInt64(_runtime, ids, batch, width));
        var encoderMask = state.Keep(OrtValue.FromInt64(_runtime, mask, batch, width));
        state.Set("encoder_attention_mask", encoderMask);
        using (var encoded = new ValueSet(_encoder.Run(["input_ids", "attention_mask"], [encoderIds, encoderMask], _encoder.OutputNames), _encoder.OutputNames))
        {
            state.Set("encoder_hidden_states", state.Keep(encoded.Take("last_hidden_state")));
        }
        var outputs = Enumerable.Range(0, batch).Select(_ => new List<int>()).ToArray();
        var done = new bool[batch];
        var tokens = Enumerable.Repeat((long)_config.DecoderStartTokenId, batch).ToArray();
        for (var step = 0; step < maxNewTokens && !done.All(d => d); step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = Step(state, step, tokens, batch, width);
            for (var b = 0; b < batch; b++)
            {
                if (done[b])
                {
                    tokens[b] = _config.PadTokenId;
                    continue;
                }
                if (next[b] == _config.EosTokenId) done[b] = true;
                else outputs[b].Add(next[b]);
                tokens[b] = done[b] ? _config.PadTokenId : next[b];
            }
        }
        return [.. outputs.Select(o => o.ToArray())];
    }

    private int[] Step(DecodeState state, int step, long[] tokens, int batch, int width)
    {
        var session = step == 0 ? _first : _next;
        var stepValues = new List<OrtValue> { OrtValue.FromInt64(_runtime, tokens, batch, 1) };
        try
        {
            var inputs = new Dictionary<string, OrtValue>(state.Named) { ["input_ids"] = stepValues[0] };
            if (_merged)
            {
                stepValues.Add(OrtValue.FromBool(_runtime, step > 0));
                inputs["use_cache_branch"] = stepValues[^1];
                if (step == 0) AddEmptyPast(inputs, stepValues, batch, width);
            }
            if (session.InputNames.Contains("attention_mask"))
            {
                stepValues.Add(OrtValue.FromInt64(_runtime, Enumerable.Repeat(1L, batch * (step + 1)).ToArray(), batch, step + 1));
                inputs["attention_mask"] = stepValues[^1];
            }
            var names = session.InputNames;
            var values = names.Select(n => inputs.TryGetValue(n, out var v) ? v
                : throw new ModelFileException(session == _first ? "decoder" : "decoder with past", $"it asks for input '{n}', which a T5 decoder in Hugging Face's export layout does not have")).ToList();
            using var result = new ValueSet(session.Run(names, values, session.OutputNames), session.OutputNames);
            state.TakePresents(result, takeEncoder: step == 0);
            return Argmax(result.Get("logits"), batch);
        }
        finally
        {
            foreach (var v in stepValues) v.Dispose();
        }
    }

    private void AddEmptyPast(Dictionary<string, OrtValue> inputs, List<OrtValue> owned, int batch, int width)
    {
        for (var i = 0; i < _config.NumDecoderLayers; i++)
        {
            foreach (var part in new[] { "decoder.key", "decoder.value", "encoder.key", "encoder.value" })
            {
                var empty = OrtValue.FromFloat(_runtime, [], batch, _config.NumHeads, 0, _config.DKv);
                owned.Add(empty);
                inputs[$"past_key_values.{i}.{part}"] = empty;
            }
        }
    }

    private static int[] Argmax(OrtValue logits, int batch)
    {
        var shape = logits.Shape();
        var (steps, vocab) = ((int)shape[1], (int)shape[2]);
        var data = logits.FloatData((long)batch * steps * vocab);
        var next = new int[batch];
        for (var b = 0; b < batch; b++)
        {
            var row = data.Slice(((b * steps) + steps - 1) * vocab, vocab);
            var best = 0;
            for (var v = 1; v < vocab; v++) if (row[v] > row[best]) best = v;
            next[b] = best;
        }
        return next;
    }

    public void Dispose()
    {
        _encoder.Dispose();
        _first.Dispose();
        if (!_merged) _next.Dispose();
    }
}
