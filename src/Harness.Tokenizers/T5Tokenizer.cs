using System.Buffers;
using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace Harness.Tokenizers;

/// <summary>
/// T5's SentencePiece Unigram tokenizer, read from a Hugging Face <c>tokenizer.json</c> by
/// Microsoft.ML.Tokenizers and held to the ids SentencePiece itself gives, which are the ids a
/// T5 model was trained on: a run of unknown characters is one unknown id, <c>&lt;/s&gt;</c>
/// ends every input (the empty one too), the control characters T5's <c>nmt_nfkc</c> drops are
/// dropped, and special-token text such as <c>&lt;/s&gt;</c> typed in a prompt is text, not the
/// special token. Checked against SentencePiece on every code point and every reference text.
/// </summary>
public sealed class T5Tokenizer
{
    // T5's nmt_nfkc normalisation maps the fullwidth '<' to '<'. Written so in the input, a
    // special token's text no longer matches the library's added-token split (a Hugging Face
    // rule SentencePiece does not have) yet normalizes to the same characters.
    private const char FullwidthLessThan = '\uFF1C';
    private static readonly SearchValues<char> DroppedControls = SearchValues.Create(
        "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F\u008F\u009F");
    private readonly SentencePieceTokenizer _tokenizer;
    private readonly string[] _specialTexts;

    private T5Tokenizer(SentencePieceTokenizer tokenizer)
    {
        _tokenizer = tokenizer;
        VocabularySize = tokenizer.Vocabulary.Count;
        UnknownId = tokenizer.UnknownId;
        EosId = tokenizer.EndOfSentenceId >= 0 ? tokenizer.EndOfSentenceId : throw NoPiece("</s>");
        PadId = tokenizer.Vocabulary.TryGetValue("<pad>", out var pad) ? pad : throw NoPiece("<pad>");
        var escapes = tokenizer.EncodeToIds(FullwidthLessThan.ToString(), false, false).SequenceEqual(tokenizer.EncodeToIds("<", false, false));
        _specialTexts = escapes ? [.. (tokenizer.SpecialTokens?.Keys ?? []).Where(t => t.Length > 1 && t[0] == '<')] : [];
    }

    /// <summary>The id of the unknown piece (<c>&lt;unk&gt;</c>).</summary>
    public int UnknownId { get; }

    /// <summary>The id of <c>&lt;/s&gt;</c>, which ends every input and every generated answer.</summary>
    public int EosId { get; }

    /// <summary>The id of <c>&lt;pad&gt;</c> (T5's decoder start token).</summary>
    public int PadId { get; }

    /// <summary>How many pieces the vocabulary has.</summary>
    public int VocabularySize { get; }

    /// <summary>
    /// Reads a Hugging Face <c>tokenizer.json</c> whose model is Unigram (T5's). Throws
    /// <see cref="InvalidDataException"/> saying what is wrong (the caller names the file).
    /// </summary>
    public static T5Tokenizer Load(string path)
    {
        // The library cannot read T5's spiece.model (its bos_id is -1 and the reader indexes with it).
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException("the harness reads T5 tokenizers from a Hugging Face tokenizer.json (save_pretrained writes one); spiece.model alone is not read");
        try
        {
            using var stream = File.OpenRead(path);
            return new T5Tokenizer(SentencePieceTokenizer.CreateFromTokenizerJson(stream, addBeginningOfSentence: false, addEndOfSentence: true));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not valid JSON ({e.Message})");
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            throw new InvalidDataException($"not a T5 SentencePiece (Unigram) tokenizer: {e.Message.TrimEnd('.')}");
        }
    }

    /// <summary>The ids of <paramref name="text"/> followed by <c>&lt;/s&gt;</c>.</summary>
    public int[] Encode(string text)
    {
        var ids = _tokenizer.EncodeToIds(Prepare(text), addBeginningOfSentence: false, addEndOfSentence: true);
        var fused = new List<int>(ids.Count + 1);
        foreach (var id in ids)
        {
            // SentencePiece merges consecutive unknown pieces into one; the library keeps one per character.
            if (id == UnknownId && fused.Count > 0 && fused[^1] == UnknownId) continue;
            fused.Add(id);
        }
        // The library returns nothing for an input that normalizes to nothing; SentencePiece still ends it.
        if (fused.Count == 0) fused.Add(EosId);
        return [.. fused];
    }

    /// <summary>The text of <paramref name="ids"/>, skipping special and out-of-vocabulary ids.</summary>
    public string Decode(IEnumerable<int> ids) =>
        _tokenizer.Decode(ids.Where(id => id >= 0 && id < VocabularySize), considerSpecialTokens: false);

    private string Prepare(string text)
    {
        // nmt_nfkc's character map deletes these; the library (3.0.0) keeps each as an unknown character.
        if (text.AsSpan().ContainsAny(DroppedControls)) text = string.Concat(text.Where(c => !DroppedControls.Contains(c)));
        foreach (var special in _specialTexts)
        {
            if (text.Contains(special, StringComparison.Ordinal)) text = text.Replace(special, FullwidthLessThan + special[1..], StringComparison.Ordinal);
        }
        return text;
    }

    private static InvalidDataException NoPiece(string piece) => new($"the vocabulary has no '{piece}' piece, which T5 needs");
}
