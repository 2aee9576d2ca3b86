using System.Runtime.InteropServices;
using System.Text;
using Harness.Backends;
using Harness.Plugins.LlamaCpp.Native;

namespace Harness.Plugins.LlamaCpp.Generation;

/// <summary>A loaded GGUF model and its vocabulary (tokenize, detokenize, end of generation).</summary>
internal sealed unsafe class LlamaModel : IDisposable
{
    private readonly LlamaApi _api;
    private readonly nint _vocab;

    private LlamaModel(LlamaLibrary library, LlamaModelHandle handle, string path)
    {
        Library = library;
        _api = library.Api;
        Handle = handle;
        Path = path;
        _vocab = _api.ModelGetVocab(handle.DangerousGetHandle());
        Bos = _api.VocabBos(_vocab);
        HasEncoder = _api.ModelHasEncoder(handle.DangerousGetHandle()) != 0;
        var start = _api.ModelDecoderStartToken(handle.DangerousGetHandle());
        DecoderStart = start >= 0 ? start : Bos;
    }

    public LlamaLibrary Library { get; }

    public LlamaModelHandle Handle { get; }

    public string Path { get; }

    public int Bos { get; }

    /// <summary>True for encoder-decoder models (T5): the prompt goes through <c>llama_encode</c>.</summary>
    public bool HasEncoder { get; }

    /// <summary>The first decoder token of an encoder-decoder model (its decoder start token, else BOS).</summary>
    public int DecoderStart { get; }

    /// <summary>Checks the file, then loads it; every failure names the file and what to do.</summary>
    public static LlamaModel Load(LlamaLibrary library, string path, int gpuLayers, string source)
    {
        GgufHeader.Check(path, source);
        var parameters = library.Api.ModelDefaultParams();
        parameters.NGpuLayers = gpuLayers;
        var bytes = Encoding.UTF8.GetBytes(path + "\0");
        LlamaLog.TakeLastErrors();
        nint model;
        fixed (byte* p = bytes) model = library.Api.ModelLoadFromFile(p, parameters);
        if (model == 0)
        {
            var why = LlamaLog.TakeLastErrors();
            throw new BackendException(
                $"{source}: option 'model': llama.cpp could not load {path} ({(why.Length > 0 ? why : "no reason given")}); the file is truncated, damaged or of an unsupported architecture, so convert or download it again.");
        }
        return new LlamaModel(library, new LlamaModelHandle(library.Api, model), path);
    }

    /// <summary>The chat template the GGUF carries, or null.</summary>
    public string? ChatTemplate => Marshal.PtrToStringUTF8((nint)_api.ModelChatTemplate(Handle.DangerousGetHandle(), null));

    public bool IsEndOfGeneration(int token) => _api.VocabIsEog(_vocab, token) != 0;

    /// <summary>Tokens of <paramref name="text"/>, with BOS as the model asks and special tokens parsed.</summary>
    public int[] Tokenize(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var tokens = new int[utf8.Length + 8];
        int n;
        fixed (byte* t = utf8)
        fixed (int* o = tokens)
        {
            n = _api.Tokenize(_vocab, t, utf8.Length, o, tokens.Length, 1, 1);
            if (n < 0)
            {
                tokens = new int[-n];
                fixed (int* o2 = tokens) n = _api.Tokenize(_vocab, t, utf8.Length, o2, tokens.Length, 1, 1);
            }
        }
        if (n < 0) throw new InvalidOperationException("llama_tokenize failed.");
        // A template that writes the BOS text itself would otherwise give two BOS tokens.
        var start = n >= 2 && tokens[0] == Bos && tokens[1] == Bos ? 1 : 0;
        return tokens[start..n];
    }

    /// <summary>The text of generated tokens (control tokens left out), decoded as UTF-8 once at the end.</summary>
    public string Detokenize(IEnumerable<int> tokens)
    {
        var bytes = new List<byte>();
        Span<byte> buffer = stackalloc byte[256];
        foreach (var token in tokens)
        {
            int n;
            fixed (byte* b = buffer) n = _api.TokenToPiece(_vocab, token, b, buffer.Length, 0, 0);
            if (n > 0) bytes.AddRange(buffer[..n]);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    public void Dispose() => Handle.Dispose();
}
