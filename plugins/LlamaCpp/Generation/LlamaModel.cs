using System.Text;
using Harness.Backends;
using Harness.Plugins.LlamaCpp.Runtime;
using LLama.Exceptions;
using LLama.Native;

namespace Harness.Plugins.LlamaCpp.Generation;

/// <summary>A loaded GGUF model and its vocabulary (tokenize, detokenize, end of generation).</summary>
internal sealed class LlamaModel : IDisposable
{
    private LlamaModel(SafeLlamaModelHandle handle, string path)
    {
        Handle = handle;
        Path = path;
        Bos = handle.Vocab.BOS is { } bos ? (int)bos : -1;
        HasEncoder = handle.HasEncoder;
        DecoderStart = handle.Vocab.DecoderStartToken is { } start ? (int)start : Bos;
        // An answer is tokenized on its own, as the students were trained: SentencePiece's space prefix, no BOS.
        var nullTokens = handle.Tokenize("null", addBos: false, special: false, Encoding.UTF8);
        var nullFirst = (int)nullTokens[0];
        NotUsedAnswer = [.. nullTokens.Select(t => (int)t)];
        int?[] ends = [(int?)handle.Vocab.EOS, (int?)handle.Vocab.EOT];
        NotUsedFirstTokens = [.. ends.OfType<int>().Prepend(nullFirst).Distinct()];
    }

    public SafeLlamaModelHandle Handle { get; }

    public string Path { get; }

    public int Bos { get; }

    /// <summary>True for encoder-decoder models (T5): the prompt goes through <c>llama_encode</c>.</summary>
    public bool HasEncoder { get; }

    /// <summary>The first decoder token of an encoder-decoder model (its decoder start token, else BOS).</summary>
    public int DecoderStart { get; }

    /// <summary>
    /// The tokens that begin the not-used answer: the first token of <c>null</c> and the end tokens
    /// (an empty answer); their first-step mass is a call's not-used probability.
    /// </summary>
    public IReadOnlyList<int> NotUsedFirstTokens { get; }

    /// <summary>The tokens of <c>null</c>: the answer a calibrated "not used" gives.</summary>
    public IReadOnlyList<int> NotUsedAnswer { get; }

    /// <summary>Checks the file, then loads it; every failure names the file and what to do.</summary>
    public static LlamaModel Load(string path, int gpuLayers, string source)
    {
        GgufHeader.Check(path, source);
        var parameters = LLamaModelParams.Default();
        parameters.n_gpu_layers = gpuLayers;
        LlamaLog.TakeLastErrors();
        try
        {
            return new LlamaModel(SafeLlamaModelHandle.LoadFromFile(path, parameters), path);
        }
        catch (LoadWeightsFailedException)
        {
            var why = LlamaLog.TakeLastErrors();
            throw new BackendException(
                $"{source}: option 'model': llama.cpp could not load {path} ({(why.Length > 0 ? why : "no reason given")}); the file is truncated, damaged or of an unsupported architecture, so convert or download it again.");
        }
    }

    /// <summary>The chat template the GGUF carries, or null.</summary>
    public string? ChatTemplate => Handle.GetTemplate(null, strict: false);

    public bool IsEndOfGeneration(int token) => ((LLamaToken)token).IsEndOfGeneration(Handle.Vocab);

    /// <summary>Tokens of <paramref name="text"/>, with BOS as the model asks and special tokens parsed.</summary>
    public int[] Tokenize(string text)
    {
        var tokens = Handle.Tokenize(text, addBos: true, special: true, Encoding.UTF8);
        // A template that writes the BOS text itself would otherwise give two BOS tokens.
        var start = tokens.Length >= 2 && (int)tokens[0] == Bos && (int)tokens[1] == Bos ? 1 : 0;
        return [.. tokens[start..].Select(t => (int)t)];
    }

    /// <summary>The text of generated tokens (control tokens left out), decoded as UTF-8 once at the end.</summary>
    public string Detokenize(IEnumerable<int> tokens)
    {
        var bytes = new List<byte>();
        Span<byte> buffer = stackalloc byte[256];
        foreach (var token in tokens)
        {
            var n = (int)Handle.TokenToSpan(token, buffer, lstrip: 0, special: false);
            bytes.AddRange(buffer[..Math.Min(n, buffer.Length)]);
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    public void Dispose() => Handle.Dispose();
}
