using System.Globalization;
using System.Text;
using Harness.Parsing;
using Harness.Tools;

namespace Harness.Testing;

/// <summary>One generated output: what it is, the text, and the verdict it must get when that is certain.</summary>
/// <param name="Category">How it was made (for the failure message).</param>
/// <param name="Tool">The tool it answers for.</param>
/// <param name="Raw">The raw text, possibly not well-formed UTF-16.</param>
/// <param name="Expected">The failure kind it must get; null for "no failure"; see <paramref name="AnyVerdict"/>.</param>
/// <param name="AnyVerdict">True when any verdict is acceptable, as long as there is one.</param>
public sealed record FuzzCase(string Category, ToolName Tool, string Raw, ParseFailureKind? Expected, bool AnyVerdict)
{
    /// <summary>The raw text with every character outside printable ASCII escaped, for messages.</summary>
    public string Shown
    {
        get
        {
            var text = Raw.Length > 300 ? Raw[..300] + $"...({Raw.Length} chars)" : Raw;
            var shown = new StringBuilder();
            foreach (var c in text) shown.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}");
            return shown.ToString();
        }
    }
}

/// <summary>
/// A seeded generator of model outputs for the parser fuzz tests: valid outputs of each tool with
/// random layout and values, and those outputs broken in the ways models and transports break them
/// (fences, trailing text, truncation, lone surrogates raw and escaped, invalid UTF-8, deep nesting,
/// huge strings, duplicate keys, quoted numbers, NaN and Infinity, wrong types, random bytes).
/// The same seed gives the same cases.
/// </summary>
public sealed class OutputFuzzer(int seed)
{
    private static readonly string[] Emoji = ["😀", "🎬", "é", "漢", "\u200b", "\ufeff"];
    private readonly Random _random = new(seed);

    /// <summary>The filter names valid outputs draw from (plus a few that are not in any catalogue).</summary>
    public static IReadOnlyList<string> Filters => DatasetFixture.Filters;

    public ToolName AnyTool() => ToolSchema.All[_random.Next(3)];

    /// <summary>One case of a random category.</summary>
    public FuzzCase Any(ToolName tool) => Case(_random.Next(Categories), tool);

    /// <summary><paramref name="count"/> cases, every category in turn.</summary>
    public IEnumerable<FuzzCase> Cases(int count)
    {
        for (var i = 0; i < count; i++) yield return Case(i % Categories, AnyTool());
    }

    /// <summary>How many kinds of case <see cref="Cases"/> cycles through.</summary>
    public const int Categories = 20;

    private FuzzCase Case(int category, ToolName tool)
    {
        // Only the categories that break a valid output make one.
        string V() => Valid(tool);
        return category switch
        {
            0 => new("valid", tool, V(), null, false),
            1 => new("fenced", tool, Fence(V()), null, true),
            2 => new("trailing text", tool, V() + Pick(" thanks!", "\n{\"x\":1}", " ```", "}", ",", " // done"), ParseFailureKind.InvalidJson, false),
            3 => new("leading text", tool, Pick("Here you go: ", "json ", "adjust: ", "'") + V(), ParseFailureKind.InvalidJson, false),
            4 => new("truncated", tool, Truncate(V()), null, true),
            5 => new("raw lone surrogate", tool, Insert(V(), LoneSurrogate()), ParseFailureKind.InvalidText, false),
            6 => new("escaped lone surrogate", tool, EscapedLoneSurrogate(V()), ParseFailureKind.InvalidText, false),
            7 => DeepNesting(tool),
            8 => Huge(tool),
            9 => new("duplicate keys", tool, DuplicateKey(tool), null, true),
            10 => NumberAsString(tool),
            11 => NonFinite(tool),
            12 => new("random bytes as UTF-8", tool, Encoding.UTF8.GetString(Bytes(_random.Next(0, 64))), null, true),
            13 => new("random bytes as Latin-1", tool, Encoding.Latin1.GetString(Bytes(_random.Next(0, 64))), null, true),
            14 => new("invalid UTF-8 in a valid output", tool, Encoding.UTF8.GetString(Corrupt(Encoding.UTF8.GetBytes(V()))), null, true),
            15 => new("random UTF-16", tool, RandomUtf16(_random.Next(0, 48)), null, true),
            16 => new("wrong type", tool, WrongType(), null, true),
            17 => new("mutated", tool, Mutate(V()), null, true),
            18 => new("not used", tool, Pick("", " ", "null", "NONE", "None", "{}", "```json\n{}\n```", "\n\tnull \n"), null, false),
            _ => new("control characters", tool, Insert(V(), ((char)_random.Next(0, 32)).ToString()), null, true),
        };
    }

    /// <summary>A valid output of the tool: random subset of parameters, random layout, some out of range or unknown keys.</summary>
    public string Valid(ToolName tool)
    {
        var pairs = new List<string>();
        switch (tool)
        {
            case ToolName.Adjust:
                foreach (var name in ToolSchema.AdjustParameters)
                    if (_random.Next(3) > 0) pairs.Add(Pair(name, Number(-150, 150)));
                if (pairs.Count == 0) pairs.Add(Pair("contrast", Number(-100, 100)));
                break;
            case ToolName.SelectiveAdjust:
                foreach (var colour in ToolSchema.SelectiveColors)
                {
                    if (_random.Next(2) == 0) continue;
                    var channels = ToolSchema.SelectiveChannels.Where(_ => _random.Next(4) > 0).Select(c => Pair(c, Number(-150, 150)));
                    pairs.Add(Pair(colour, Object(channels)));
                }
                if (pairs.Count == 0) pairs.Add(Pair("red", Object([Pair("saturation", Number(-100, 100))])));
                break;
            default:
                pairs.Add(Pair("name", Quote(_random.Next(8) == 0 ? Pick("sepia", "warm_Sunset ", "x" + Pick(Emoji)) : Pick([.. Filters]))));
                if (_random.Next(4) > 0) pairs.Add(Pair("intensity", Number(-20, 120)));
                break;
        }
        if (_random.Next(6) == 0) pairs.Insert(_random.Next(pairs.Count + 1), Pair(Pick("note", "hue_shift", "x" + Pick(Emoji)), Pick("1", "\"text " + Pick(Emoji) + "\"", "[1,2]", "null", "{\"a\":true}")));
        Shuffle(pairs);
        return Object(pairs);
    }

    private string Object(IEnumerable<string> pairs) => "{" + Space() + string.Join("," + Space(), pairs) + Space() + "}";

    private string Pair(string key, string value) => Quote(key) + Space() + ":" + Space() + value;

    private static string Quote(string text) => "\"" + text + "\"";

    private string Space() => _random.Next(5) switch { 0 => " ", 1 => "\n  ", _ => "" };

    private string Number(int min, int max) => _random.Next(6) switch
    {
        0 => (_random.NextDouble() * (max - min) + min).ToString("0.###", CultureInfo.InvariantCulture),
        1 => _random.Next(min, max + 1).ToString("0.0", CultureInfo.InvariantCulture),
        2 => (_random.Next(min, max + 1) / 10.0).ToString(CultureInfo.InvariantCulture) + "e1",
        _ => _random.Next(min, max + 1).ToString(CultureInfo.InvariantCulture),
    };

    private string Truncate(string text) => text[.._random.Next(1, text.Length)];

    private string Fence(string text) => _random.Next(6) switch
    {
        0 => "```json\n" + text + "\n```",
        1 => "```\n" + text + "\n```",
        2 => "```JSON\n" + text + "```",
        3 => "```" + text + "```",
        4 => "```json\n" + text,
        _ => "```json\n```json\n" + text + "\n```\n```",
    };

    private string LoneSurrogate() => _random.Next(4) switch
    {
        0 => ((char)_random.Next(0xD800, 0xDC00)).ToString(),
        1 => ((char)_random.Next(0xDC00, 0xE000)).ToString(),
        2 => "\ude00\ud83d",
        _ => "\ud83d\ud83d",
    };

    // Inside the first string of the output (a key or the filter name), as a JSON escape.
    private string EscapedLoneSurrogate(string valid)
    {
        var quote = valid.IndexOf('"', StringComparison.Ordinal);
        var escape = _random.Next(3) switch
        {
            0 => $"\\u{_random.Next(0xD800, 0xDC00):x4}",
            1 => $"\\u{_random.Next(0xDC00, 0xE000):X4}",
            _ => "\\ud83d\\u0041",
        };
        return valid.Insert(quote + 1, escape);
    }

    // Never between the two halves of a surrogate pair, which could pair an inserted surrogate up.
    private string Insert(string text, string inserted)
    {
        var at = _random.Next(text.Length + 1);
        if (at > 0 && at < text.Length && char.IsHighSurrogate(text[at - 1])) at--;
        return text.Insert(at, inserted);
    }

    private FuzzCase DeepNesting(ToolName tool)
    {
        var depth = _random.Next(1, 400);
        var closed = _random.Next(2) == 0;
        var (open, close) = _random.Next(3) switch
        {
            0 => ("[", "]"),
            1 => ("{\"a\":", "}"),
            _ => ("{\"contrast\":[", "]}"),
        };
        var inner = string.Concat(Enumerable.Repeat(open, depth)) + "1" + (closed ? string.Concat(Enumerable.Repeat(close, depth)) : "");
        return new("deep nesting", tool, _random.Next(2) == 0 ? inner : "{\"red\":" + inner + "}", null, true);
    }

    private FuzzCase Huge(ToolName tool)
    {
        // Mostly long, now and then huge: enough to reach the reader's buffer growth without making the run slow.
        var length = _random.Next(100, _random.Next(100) == 0 ? 300_000 : 4_000);
        return _random.Next(4) switch
        {
            0 => new("huge name", tool, "{\"name\":\"" + new string('a', length) + "\",\"intensity\":10}", null, true),
            1 => new("huge number", tool, "{\"contrast\":" + new string('9', length) + "}", null, true),
            2 => new("huge key", tool, "{\"" + new string('k', length) + "\":1,\"red\":{\"saturation\":1}}", null, true),
            _ => new("many keys", tool, "{" + string.Join(",", Enumerable.Range(0, length / 20).Select(i => $"\"k{i}\":{i}")) + "}", null, true),
        };
    }

    private string DuplicateKey(ToolName tool) => tool switch
    {
        ToolName.Adjust => "{\"contrast\":10,\"contrast\":-20,\"exposure\":5}",
        ToolName.SelectiveAdjust => "{\"red\":{\"saturation\":10},\"red\":{\"luminance\":-10,\"luminance\":3}}",
        _ => "{\"name\":\"mono_Classic\",\"intensity\":10,\"name\":\"warm_Sunset\"}",
    };

    private FuzzCase NumberAsString(ToolName tool) => tool switch
    {
        ToolName.Adjust => new("number as string", tool, "{\"contrast\":\"" + Number(-100, 100) + "\"}", ParseFailureKind.BadValue, false),
        ToolName.SelectiveAdjust => new("number as string", tool, "{\"red\":{\"saturation\":\"" + Number(-100, 100) + "\"}}", ParseFailureKind.BadValue, false),
        _ => new("number as string", tool, "{\"name\":\"mono_Classic\",\"intensity\":\"" + Number(0, 100) + "\"}", ParseFailureKind.BadValue, false),
    };

    private FuzzCase NonFinite(ToolName tool)
    {
        var literal = _random.Next(2) == 0;
        var value = literal ? Pick("NaN", "Infinity", "-Infinity", "nan", "inf") : Pick("1e400", "-1e400", "1E+309");
        var key = tool switch { ToolName.Adjust => "\"exposure\":", ToolName.SelectiveAdjust => "\"red\":{\"luminance\":", _ => "\"name\":\"warm_Sunset\",\"intensity\":" };
        var text = "{" + key + value + (tool == ToolName.SelectiveAdjust ? "}}" : "}");
        return new("non-finite number", tool, text, literal ? ParseFailureKind.InvalidJson : ParseFailureKind.BadValue, false);
    }

    private string WrongType() => Pick(
        "[]", "[1,2,3]", "\"adjust\"", "42", "true", "false", "\"{}\"",
        "{\"red\":5}", "{\"red\":[1]}", "{\"name\":5}", "{\"name\":\"\"}", "{\"name\":null}", "{\"intensity\":5}",
        "{\"contrast\":true}", "{\"contrast\":null}", "{\"contrast\":{}}", "{\"red\":{\"saturation\":[]}}");

    private string Mutate(string text)
    {
        var chars = new StringBuilder(text);
        for (var n = _random.Next(1, 4); n > 0 && chars.Length > 0; n--)
        {
            var at = _random.Next(chars.Length);
            switch (_random.Next(3))
            {
                case 0: chars.Remove(at, 1); break;
                case 1: chars.Insert(at, Pick("{", "}", "\"", ":", ",", "[", "]", "\\", "-", "e", "0", " ")); break;
                default: chars[at] = Pick("{", "}", "\"", ":", ",", "[", "]", "\\", ".", "9")[0]; break;
            }
        }
        return chars.ToString();
    }

    private byte[] Corrupt(byte[] bytes)
    {
        var at = _random.Next(bytes.Length + 1);
        byte[] bad = Pick<byte[]>([0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80]);
        return [.. bytes[..at], .. bad, .. bytes[at..]];
    }

    private byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string RandomUtf16(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = _random.Next(4) == 0 ? "{}[]\":,0123456789"[_random.Next(17)] : (char)_random.Next(0, 0x10000);
        return new string(chars);
    }

    private void Shuffle(List<string> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private T Pick<T>(params T[] items) => items[_random.Next(items.Length)];
}
