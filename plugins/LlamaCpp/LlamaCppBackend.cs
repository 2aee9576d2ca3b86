using Harness.Backends;
using Harness.Plugins.LlamaCpp.Generation;
using Harness.Plugins.LlamaCpp.Grammar;

namespace Harness.Plugins.LlamaCpp;

/// <summary>A GGUF model answering tool requests with greedy decoding (free or held to the tool's JSON grammar), many requests per llama batch.</summary>
internal sealed class LlamaCppBackend : IBackend
{
    private readonly LlamaModel _model;
    private readonly BatchDecoder _decoder;
    private readonly PromptRenderer _renderer;
    private readonly LlamaSettings _settings;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public LlamaCppBackend(LlamaModel model, BatchDecoder decoder, PromptRenderer renderer, LlamaSettings settings, string sha256)
    {
        _model = model;
        _decoder = decoder;
        _renderer = renderer;
        _settings = settings;
        Info = new BackendInfo("LlamaCpp", Path.GetFileName(model.Path), sha256, settings.Cuda ? "cuda" : "cpu", SupportsBatching: true);
    }

    public BackendInfo Info { get; }

    internal BatchDecoder Decoder => _decoder;

    internal LlamaModel Model => _model;

    public async Task<IReadOnlyList<ToolResponse>> GenerateAsync(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken)
    {
        var prompts = requests.Select(r => Tokenize(r)).ToArray();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var tools = _settings.ConstrainJson ? requests.Select(r => r.Tool).ToArray() : null;
            var thresholds = _settings.Thresholds is { } t ? requests.Select(r => (double?)t.Tools[r.Tool].Threshold).ToArray() : null;
            var outputs = await Task.Run(() => _decoder.Generate(prompts, tools, thresholds, cancellationToken), cancellationToken);
            return [.. outputs.Select((o, i) => Response(prompts[i], o))];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The prompt tokens of one request, through the chat template; too long a prompt is a config
    /// error. With <c>constrain: json</c> the context must also hold the tool's longest answer,
    /// or a cut answer would not parse.
    /// </summary>
    internal int[] Tokenize(ToolRequest request)
    {
        var tokens = _model.Tokenize(_renderer.Render(request.Prompt));
        var answer = _settings.ConstrainJson ? ToolGrammars.For(request.Tool).MaxTokens : 1;
        if (tokens.Length + answer > _decoder.ContextPerSequence)
            throw new BackendException(
                $"{_settings.Source}: option 'context_size' ({_decoder.ContextPerSequence}) is too small for request {request.IntentId} ({request.Tool}): its prompt alone is {tokens.Length} tokens; set context_size to at least {tokens.Length + Math.Max(answer, _settings.MaxNewTokens)}.");
        return tokens;
    }

    private ToolResponse Response(int[] prompt, Decoded decoded)
    {
        var output = decoded.Tokens;
        var generated = output.Length > 0 && _model.IsEndOfGeneration(output[^1]) ? output[..^1] : output;
        return new ToolResponse(_model.Detokenize(generated).Trim(), prompt.Length, generated.Length, NotUsedProbability: decoded.NotUsedProbability);
    }

    public ValueTask DisposeAsync()
    {
        _decoder.Dispose();
        _model.Dispose();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
