using System.Text;

namespace Harness.Plugins.Onnx.Tokenizer;

/// <summary>
/// A SentencePiece Unigram tokenizer with T5's conventions: encode picks the most likely
/// segmentation (Viterbi over the pieces' log-probabilities), unknown characters become
/// the unknown id (a run of them one id), and <c>&lt;/s&gt;</c> ends every input.
/// </summary>
internal sealed class UnigramTokenizer
{
    // SentencePiece scores an unknown character this far below the rarest piece.
    private const float UnknownPenalty = 10f;
    private readonly string[] _pieces;
    private readonly PieceKind[] _kinds;
    private readonly float[] _scores;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _maxPieceLength;
    private readonly float _unknownScore;

    public UnigramTokenizer(IReadOnlyList<(string Piece, float Score, PieceKind Kind)> vocabulary, int unknownId)
    {
        _pieces = vocabulary.Select(v => v.Piece).ToArray();
        _scores = vocabulary.Select(v => v.Score).ToArray();
        _kinds = vocabulary.Select(v => v.Kind).ToArray();
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _pieces.Length; i++)
        {
            if (_kinds[i] is PieceKind.Normal or PieceKind.UserDefined && _pieces[i].Length > 0) map.TryAdd(_pieces[i], i);
        }
        _lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxPieceLength = map.Count == 0 ? 1 : map.Keys.Max(k => k.Length);
        _unknownScore = (map.Count == 0 ? 0f : map.Values.Min(i => _scores[i])) - UnknownPenalty;
        UnknownId = unknownId;
        EosId = IdOf("</s>");
        PadId = IdOf("<pad>");
    }

    public int UnknownId { get; }
    public int EosId { get; }
    public int PadId { get; }
    public int VocabularySize => _pieces.Length;

    private int IdOf(string piece)
    {
        var id = Array.IndexOf(_pieces, piece);
        return id >= 0 ? id : throw new InvalidDataException($"the vocabulary has no '{piece}' piece, which T5 needs");
    }

    /// <summary>The ids of <paramref name="text"/> followed by <c>&lt;/s&gt;</c>.</summary>
    public int[] Encode(string text)
    {
        var ids = EncodeNormalized(T5Normalizer.Normalize(text));
        ids.Add(EosId);
        return [.. ids];
    }

    private List<int> EncodeNormalized(string s)
    {
        var n = s.Length;
        var best = new float[n + 1];
        var from = new int[n + 1];
        var piece = new int[n + 1];
        Array.Fill(best, float.NegativeInfinity);
        best[0] = 0;
        for (var start = 0; start < n; start++)
        {
            if (float.IsNegativeInfinity(best[start]) || char.IsLowSurrogate(s[start])) continue;
            var charLength = char.IsHighSurrogate(s[start]) && start + 1 < n ? 2 : 1;
            var coveredOneChar = false;
            for (var length = 1; length <= _maxPieceLength && start + length <= n; length++)
            {
                if (!_lookup.TryGetValue(s.AsSpan(start, length), out var id)) continue;
                coveredOneChar |= length == charLength;
                Relax(start, start + length, id, best[start] + _scores[id]);
            }
            if (!coveredOneChar) Relax(start, start + charLength, UnknownId, best[start] + _unknownScore);
        }
        return Backtrack(from, piece, n);

        void Relax(int begin, int end, int id, float score)
        {
            if (score <= best[end]) return;
            best[end] = score;
            from[end] = begin;
            piece[end] = id;
        }
    }

    private List<int> Backtrack(int[] from, int[] piece, int n)
    {
        var ids = new List<int>();
        for (var end = n; end > 0; end = from[end]) ids.Add(piece[end]);
        ids.Reverse();
        // SentencePiece fuses a run of unknown characters into one unknown piece.
        var fused = new List<int>(ids.Count);
        foreach (var id in ids)
        {
            if (id == UnknownId && fused.Count > 0 && fused[^1] == UnknownId) continue;
            fused.Add(id);
        }
        return fused;
    }

    /// <summary>The text of <paramref name="ids"/>, skipping special and out-of-vocabulary ids.</summary>
    public string Decode(IEnumerable<int> ids)
    {
        var text = new StringBuilder();
        foreach (var id in ids)
        {
            if (id < 0 || id >= _pieces.Length || _kinds[id] is not (PieceKind.Normal or PieceKind.UserDefined)) continue;
            text.Append(_pieces[id]);
        }
        var decoded = text.Replace(T5Normalizer.Metaspace, ' ').ToString();
        return decoded.StartsWith(' ') ? decoded[1..] : decoded;
    }
}
