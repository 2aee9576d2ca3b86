using Harness.Backends;
using Harness.Plugins.Onnx.Generation;
using Harness.Plugins.Shared.T5;
using Harness.Tokenizers;

namespace Harness.Plugins.Onnx;

/// <summary>One loaded FlanT5 model answering tool requests with greedy decoding, many sequences per batch.</summary>
internal sealed class OnnxBackend(T5Settings settings, ModelLayout layout, T5Tokenizer tokenizer, Seq2SeqModel model)
    : T5Backend(new BackendInfo("Onnx", ModelName(layout.Folder), Hash(layout), settings.Device, SupportsBatching: true), tokenizer, settings.BatchSize, settings.Thresholds)
{
    protected override Generated[] Generate(int[][] batch, CalibratedStart? calibrated, CancellationToken cancellationToken) =>
        model.Generate(batch, settings.MaxNewTokens, NotUsed, calibrated, cancellationToken);

    /// <summary>Generated ids for already tokenized inputs (for tests and the benchmark).</summary>
    internal int[][] GenerateIds(IReadOnlyList<int[]> inputs, int maxNewTokens) => [.. GenerateAnswers(inputs, maxNewTokens).Select(g => g.Ids)];

    /// <summary>Generated answers, with their not-used probabilities, for already tokenized inputs (for tests).</summary>
    internal Generated[] GenerateAnswers(IReadOnlyList<int[]> inputs, int maxNewTokens, double[]? thresholds = null) =>
        model.Generate(inputs, maxNewTokens, NotUsed, thresholds is null ? null : new CalibratedStart(NotUsed, thresholds), CancellationToken.None);

    /// <summary>The folder's name; with its parent's when the name only says the layout (<c>flan-t5-tiny/split</c>).</summary>
    private static string ModelName(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var name = Path.GetFileName(full);
        var parent = Path.GetFileName(Path.GetDirectoryName(full) ?? "");
        return name is "split" or "merged" or "onnx" && parent.Length > 0 ? $"{parent}/{name}" : name;
    }

    /// <summary>One digest over the model files in a fixed order, each file's name and bytes.</summary>
    private static string Hash(ModelLayout layout) => FileHash.Sha256OfNamedFiles(layout.ModelFiles.Append(layout.Tokenizer).Append(layout.Config));

    public override async ValueTask DisposeAsync()
    {
        model.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
