using System.Security.Cryptography;
using Harness.Backends;
using Harness.Plugins.HfT5.Model;
using Harness.Tokenizers;

namespace Harness.Plugins.HfT5;

/// <summary>One loaded FlanT5 checkpoint answering tool requests with greedy decoding, one request after another.</summary>
internal sealed class HfT5Backend : IBackend
{
    private readonly HfT5Settings _settings;
    private readonly T5Model _model;
    // One generation at a time: the matrix products already use the configured threads.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public HfT5Backend(HfT5Settings settings, ModelFolder folder, T5Tokenizer tokenizer, T5Model model)
    {
        _settings = settings;
        Tokenizer = tokenizer;
        _model = model;
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder.Folder)));
        Info = new BackendInfo("HfT5", name, Sha256(folder.Weights), "cpu", SupportsBatching: false);
    }

    public BackendInfo Info { get; }

    internal T5Tokenizer Tokenizer { get; }

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

    private ToolResponse[] Generate(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken)
    {
        var responses = new ToolResponse[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            var input = Tokenizer.Encode(requests[i].Prompt);
            var output = _model.Generate(input, _settings.MaxNewTokens, cancellationToken);
            responses[i] = new ToolResponse(Tokenizer.Decode(output), input.Length, output.Length);
        }
        return responses;
    }

    /// <summary>Generated ids for already tokenized inputs (for tests).</summary>
    internal int[][] GenerateIds(IReadOnlyList<int[]> inputs, int maxNewTokens) =>
        [.. inputs.Select(ids => _model.Generate(ids, maxNewTokens, CancellationToken.None))];

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
