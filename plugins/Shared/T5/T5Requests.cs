using Harness.Backends;
using Harness.Tokenizers;

namespace Harness.Plugins.Shared.T5;

/// <summary>How every T5 backend turns tool requests into responses: the same tokenizer in, the same decoding out.</summary>
internal static class T5Requests
{
    /// <summary>
    /// Tokenizes each prompt (ending with &lt;/s&gt;), generates <paramref name="batchSize"/> at a time with
    /// <paramref name="generate"/> (ids without the final &lt;/s&gt;; given each prompt's calibrated
    /// threshold when <paramref name="thresholds"/> is set, else null), and decodes them into raw output text.
    /// </summary>
    public static ToolResponse[] Answer(T5Tokenizer tokenizer, IReadOnlyList<ToolRequest> requests, int batchSize, SelectionThresholds? thresholds,
        Func<int[][], double[]?, Generated[]> generate)
    {
        var inputs = requests.Select(r => tokenizer.Encode(r.Prompt)).ToArray();
        var responses = new ToolResponse[requests.Count];
        for (var start = 0; start < inputs.Length; start += batchSize)
        {
            var batch = inputs[start..Math.Min(inputs.Length, start + batchSize)];
            var outputs = generate(batch, thresholds is null ? null
                : [.. requests.Skip(start).Take(batch.Length).Select(r => thresholds.Tools[r.Tool].Threshold)]);
            for (var i = 0; i < batch.Length; i++)
                responses[start + i] = new ToolResponse(tokenizer.Decode(outputs[i].Ids), batch[i].Length, outputs[i].Ids.Length,
                    NotUsedProbability: outputs[i].NotUsedProbability);
        }
        return responses;
    }
}
