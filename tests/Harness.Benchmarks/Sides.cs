using Harness.Backends;
using Harness.Tokenizers;

namespace Harness.Benchmarks;

/// <summary>A side of the side-by-side run that is not a plugin (a bare engine, a peer), made into a backend factory so that <see cref="Benchmarking.PairedBenchmark"/> runs it like one.</summary>
internal sealed class SideFactory(string name, Func<CancellationToken, Task<IBackend>> create) : IBackendFactory
{
    public string Name => name;

    public string Description => name;

    public IReadOnlyList<BackendOptionInfo> Options => [];

    public Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken) => create(cancellationToken);
}

/// <summary>Keeps every answer a backend gives, by prompt, so the run can show where two sides differ.</summary>
internal sealed class RecordingFactory(IBackendFactory inner) : IBackendFactory
{
    public Dictionary<string, string> Answers { get; } = new(StringComparer.Ordinal);

    public IBackend? Started { get; private set; }

    public string Name => inner.Name;

    public string Description => inner.Description;

    public IReadOnlyList<BackendOptionInfo> Options => inner.Options;

    public async Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken)
    {
        Started = await inner.CreateAsync(options, context, cancellationToken);
        return new Recording(Started, Answers);
    }

    private sealed class Recording(IBackend inner, Dictionary<string, string> answers) : IBackend
    {
        public BackendInfo Info => inner.Info;

        public async Task<IReadOnlyList<ToolResponse>> GenerateAsync(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken)
        {
            var responses = await inner.GenerateAsync(requests, cancellationToken);
            for (var i = 0; i < requests.Count; i++) answers.TryAdd(requests[i].Prompt, responses[i].Text ?? "");
            return responses;
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

/// <summary><see cref="BareOrt"/> answering requests: the T5 tokenizer in, one padded batch per call, the tokenizer out.</summary>
internal sealed class BareOrtBackend(string folder, int threads, int maxNewTokens) : IBackend
{
    private readonly BareOrt _engine = new(folder, threads);
    private readonly T5Tokenizer _tokenizer = T5Tokenizer.Load(Path.Combine(folder, "tokenizer.json"));

    public BackendInfo Info { get; } = new("ORT Run loop", folder, null, "cpu", SupportsBatching: true);

    public Task<IReadOnlyList<ToolResponse>> GenerateAsync(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken)
    {
        var outputs = _engine.Generate([.. requests.Select(r => _tokenizer.Encode(r.Prompt))], maxNewTokens);
        return Task.FromResult<IReadOnlyList<ToolResponse>>([.. outputs.Select(o => new ToolResponse(_tokenizer.Decode(o), 0, o.Length))]);
    }

    public ValueTask DisposeAsync()
    {
        _engine.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary><see cref="BareLlama"/> answering requests: all of a call's prompts through its sequences.</summary>
internal sealed class BareLlamaBackend(string model, int threads, int sequences, int contextSize, int maxNewTokens) : IBackend
{
    private readonly BareLlama _engine = new(model, threads, sequences, contextSize, maxNewTokens);

    public BackendInfo Info { get; } = new("LLamaSharp decode loop", model, null, "cpu", SupportsBatching: true);

    public Task<IReadOnlyList<ToolResponse>> GenerateAsync(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken)
    {
        var outputs = _engine.Generate([.. requests.Select(r => _engine.Tokenize(r.Prompt))]);
        return Task.FromResult<IReadOnlyList<ToolResponse>>([.. outputs.Select(o => new ToolResponse(_engine.Detokenize(o), 0, o.Length))]);
    }

    public ValueTask DisposeAsync()
    {
        _engine.Dispose();
        return ValueTask.CompletedTask;
    }
}
