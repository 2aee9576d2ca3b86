using System.Text;

namespace Harness.Plugins.Onnx.Tokenizer;

/// <summary>
/// T5's SentencePiece normalisation (<c>nmt_nfkc</c>): control characters dropped, other
/// white space to a space, NFKC, runs of spaces collapsed and the ends trimmed, then
/// every space becomes the metaspace <c>▁</c> with one in front of the first word.
/// </summary>
internal static class T5Normalizer
{
    public const char Metaspace = '\u2581';

    public static string Normalize(string text)
    {
        var mapped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsRemovedControl(c)) continue;
            mapped.Append(IsSpaceLike(c) ? ' ' : c);
        }
        var nfkc = mapped.ToString().Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(nfkc.Length + 1);
        var pendingSpace = true;
        foreach (var c in nfkc)
        {
            if (c == ' ' || IsSpaceLike(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) result.Append(Metaspace);
            pendingSpace = false;
            result.Append(c);
        }
        return result.ToString();
    }

    private static bool IsRemovedControl(char c) =>
        c is (>= '\u0000' and <= '\u0008') or '\u000B' or (>= '\u000E' and <= '\u001F') or '\u007F' or '\u008F' or '\u009F';

    private static bool IsSpaceLike(char c) =>
        c is ' ' or '\t' or '\n' or '\f' or '\r' or '\u1680' or (>= '\u200B' and <= '\u200F') or '\u2028' or '\u2029' or '\u2581' or '\uFEFF' or '\uFFFD';
}
