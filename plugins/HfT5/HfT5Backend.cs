using Harness.Backends;
using Harness.Plugins.HfT5.Model;
using Harness.Plugins.Shared.T5;

namespace Harness.Plugins.HfT5;

/// <summary>One loaded FlanT5 checkpoint answering tool requests with greedy decoding, each sequence alone (no padding).</summary>
internal sealed class HfT5Backend(HfT5Settings settings, HfCheckpoint checkpoint, T5Model model)
    : T5Backend(new BackendInfo("HfT5", checkpoint.Name, checkpoint.WeightsSha256(), "cpu", SupportsBatching: false), checkpoint.Tokenizer, batchSize: 1, settings.Thresholds)
{
    protected override Generated[] Generate(int[][] batch, CalibratedStart? calibrated, CancellationToken cancellationToken) =>
        [model.Generate(batch[0], settings.MaxNewTokens, NotUsed, calibrated, cancellationToken)];

    /// <summary>Generated ids for already tokenized inputs (for tests).</summary>
    internal int[][] GenerateIds(IReadOnlyList<int[]> inputs, int maxNewTokens) => [.. GenerateAnswers(inputs, maxNewTokens).Select(g => g.Ids)];

    /// <summary>Generated answers, with their not-used probabilities, for already tokenized inputs (for tests).</summary>
    internal Generated[] GenerateAnswers(IReadOnlyList<int[]> inputs, int maxNewTokens, double? threshold = null) =>
        [.. inputs.Select(ids => model.Generate(ids, maxNewTokens, NotUsed, threshold is { } t ? new CalibratedStart(NotUsed, [t]) : null, CancellationToken.None))];
}
