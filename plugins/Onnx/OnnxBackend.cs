using System.Security.Cryptography;
using Harness.Backends;
using Harness.Plugins.Onnx.Generation;
using Harness.Plugins.Shared.T5;
using Harness.Tokenizers;

namespace Harness.Plugins.Onnx;

/// <summary>One loaded FlanT5 model answering tool requests with greedy decoding.</summary>
internal sealed class OnnxBackend : IBackend
{
    private readonly OnnxSettings _settings;
    private readonly T5Tokenizer _tokenizer;
    private readonly Seq2SeqModel _model;
    // ONNX Runtime sessions can run concurrently, but the decode loop here owns its batch: one at a time keeps timings honest.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public OnnxBackend(OnnxSettings settings, ModelLayout layout, T5Tokenizer tokenizer, Seq2SeqModel model)
    {
        _settings = settings;
        _tokenizer = tokenizer;
        _model = model;
        Info = new BackendInfo("Onnx", ModelName(layout.Folder), Hash(layout), settings.Device, SupportsBatching: true);
    }

    public BackendInfo Info { get; }

    internal T5Tokenizer Tokenizer => _tokenizer;

    public async Task<IReadOnlyList<ToolResponse>> GenerateAsync(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 0) return [];
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => Generate(requests, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private ToolResponse[] Generate(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken) =>
        T5Requests.Answer(_tokenizer, requests, _settings.BatchSize, batch => _model.Generate(batch, _settings.MaxNewTokens, cancellationToken));

    /// <summary>Generated ids for already tokenized inputs (for tests and the benchmark).</summary>
    internal int[][] GenerateIds(IReadOnlyList<int[]> inputs, int maxNewTokens) => _model.Generate(inputs, maxNewTokens, CancellationToken.None);

    /// <summary>The folder's name; with its parent's when the name only says the layout (<c>flan-t5-tiny/split</c>).</summary>
    private static string ModelName(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var name = Path.GetFileName(full);
        var parent = Path.GetFileName(Path.GetDirectoryName(full) ?? "");
        return name is "split" or "merged" or "onnx" && parent.Length > 0 ? $"{parent}/{name}" : name;
    }

    private static string Hash(ModelLayout layout)
    {
        // One digest over the model files in a fixed order, each file's name and bytes.
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in layout.ModelFiles.Append(layout.Tokenizer).Append(layout.Config))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            using var stream = File.OpenRead(file);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer)) > 0) sha.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public ValueTask DisposeAsync()
    {
        _model.Dispose();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
