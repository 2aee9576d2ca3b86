using Harness.Backends;
using Harness.Plugins.Shared.T5;
using Harness.Plugins.TorchSharpT5.Model;

namespace Harness.Plugins.TorchSharpT5;

/// <summary>One loaded FlanT5 checkpoint on LibTorch answering tool requests with greedy decoding, many sequences per batch.</summary>
internal sealed class TorchSharpBackend(T5Settings settings, HfCheckpoint checkpoint, TorchT5 model)
    : T5Backend(new BackendInfo("TorchSharp", checkpoint.Name, checkpoint.WeightsSha256(), settings.Device, SupportsBatching: true), checkpoint.Tokenizer, settings.BatchSize, settings.Thresholds)
{
    protected override Generated[] Generate(int[][] batch, CalibratedStart? calibrated, CancellationToken cancellationToken) =>
        model.Generate(batch, settings.MaxNewTokens, NotUsed, calibrated, cancellationToken);

    /// <summary>Generated ids for already tokenized inputs, decoded together (for tests).</summary>
    internal int[][] GenerateIds(IReadOnlyList<int[]> inputs, int maxNewTokens) => [.. GenerateAnswers(inputs, maxNewTokens).Select(g => g.Ids)];

    /// <summary>Generated answers, with their not-used probabilities, decoded together (for tests).</summary>
    internal Generated[] GenerateAnswers(IReadOnlyList<int[]> inputs, int maxNewTokens, double[]? thresholds = null) =>
        model.Generate(inputs, maxNewTokens, NotUsed, thresholds is null ? null : new CalibratedStart(NotUsed, thresholds), CancellationToken.None);

    public override async ValueTask DisposeAsync()
    {
        model.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
