using Microsoft.ML.OnnxRuntime;

namespace Harness.Benchmarks;

/// <summary>
/// The least a caller of ONNX Runtime writes to decode a FlanT5 export greedily, the baseline of
/// the Onnx plugin: the split layout's three sessions (encoder, first decoder, decoder with past),
/// inputs bound by the sessions' own names as <see cref="OrtValue"/>s through I/O binding, each
/// step's <c>present.*</c> handed unchanged to the next step as <c>past_key_values.*</c>, the argmax
/// of the last logits. Session options as the plugin's: intra-op threads, one inter-op thread, no spinning.
/// </summary>
internal sealed class BareOrt : IDisposable
{
    private const int Pad = 0, Eos = 1, DecoderStart = 0;
    private readonly InferenceSession _encoder, _first, _next;
    private readonly RunOptions _run = new();

    public BareOrt(string folder, int threads)
    {
        _encoder = Open(Path.Combine(folder, "encoder_model.onnx"), threads);
        _first = Open(Path.Combine(folder, "decoder_model.onnx"), threads);
        _next = Open(Path.Combine(folder, "decoder_with_past_model.onnx"), threads);
    }

    private static InferenceSession Open(string path, int threads)
    {
        using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return new InferenceSession(path, options);
    }

    /// <summary>Greedy ids of each input (padded into one batch), without the final &lt;/s&gt;, at most <paramref name="maxNewTokens"/>.</summary>
    public int[][] Generate(IReadOnlyList<int[]> inputs, int maxNewTokens)
    {
        var (batch, width) = (inputs.Count, inputs.Max(x => x.Length));
        var ids = new long[batch * width];
        var mask = new long[batch * width];
        for (var b = 0; b < batch; b++)
        {
            for (var i = 0; i < inputs[b].Length; i++) (ids[b * width + i], mask[b * width + i]) = (inputs[b][i], 1);
        }
        var tokens = Enumerable.Repeat((long)DecoderStart, batch).ToArray();
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, [batch, width]);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, [batch, width]);
        // The token tensor reads the array in place: each step writes the next tokens into it.
        using var tokenValue = OrtValue.CreateTensorValueFromMemory(tokens, [batch, 1]);
        using var hidden = Run(_encoder, new() { ["input_ids"] = idsValue, ["attention_mask"] = maskValue })["last_hidden_state"];
        var inputsByName = new Dictionary<string, OrtValue> { ["input_ids"] = tokenValue, ["encoder_attention_mask"] = maskValue, ["encoder_hidden_states"] = hidden };
        var past = new Dictionary<string, OrtValue>();
        var outputs = Enumerable.Range(0, batch).Select(_ => new List<int>()).ToArray();
        var done = new bool[batch];
        try
        {
            for (var step = 0; step < maxNewTokens && !done.All(d => d); step++)
            {
                var results = Run(step == 0 ? _first : _next, step == 0 ? inputsByName : new(inputsByName.Concat(past)));
                using (var logits = results["logits"])
                {
                    foreach (var (name, value) in results.Where(r => r.Key != "logits"))
                    {
                        var key = "past_key_values." + name["present.".Length..];
                        if (past.Remove(key, out var old)) old.Dispose();
                        past[key] = value;
                    }
                    var next = Argmax(logits, batch);
                    for (var b = 0; b < batch; b++)
                    {
                        if (!done[b] && next[b] == Eos) done[b] = true;
                        else if (!done[b]) outputs[b].Add(next[b]);
                        tokens[b] = done[b] ? Pad : next[b];
                    }
                }
            }
        }
        finally
        {
            foreach (var value in past.Values) value.Dispose();
        }
        return [.. outputs.Select(o => o.ToArray())];
    }

    // One run through I/O binding: every input the session declares, by its name; every output on the CPU.
    private Dictionary<string, OrtValue> Run(InferenceSession session, Dictionary<string, OrtValue> inputs)
    {
        using var binding = session.CreateIoBinding();
        foreach (var name in session.InputNames) binding.BindInput(name, inputs[name]);
        foreach (var name in session.OutputNames) binding.BindOutputToDevice(name, OrtMemoryInfo.DefaultInstance);
        session.RunWithBinding(_run, binding);
        return session.OutputNames.Zip(binding.GetOutputValues()).ToDictionary(p => p.First, p => p.Second);
    }

    private static int[] Argmax(OrtValue logits, int batch)
    {
        var shape = logits.GetTensorTypeAndShape().Shape;
        var (steps, vocab) = ((int)shape[1], (int)shape[2]);
        var data = logits.GetTensorDataAsSpan<float>();
        var next = new int[batch];
        for (var b = 0; b < batch; b++)
        {
            var row = data.Slice(((b * steps) + steps - 1) * vocab, vocab);
            for (var v = 1; v < vocab; v++) if (row[v] > row[next[b]]) next[b] = v;
        }
        return next;
    }

    public void Dispose()
    {
        _encoder.Dispose();
        _first.Dispose();
        _next.Dispose();
        _run.Dispose();
    }
}
