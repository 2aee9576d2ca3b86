using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Harness.Json;

/// <summary>
/// Text that is not well-formed UTF-16 (a lone surrogate such as U+D800) in and out of JSON.
/// A model can return such text raw, or escaped as <c>\ud800</c> inside a JSON string.
/// System.Text.Json refuses to decode the escaped form (<see cref="JsonElement.GetString"/> and
/// <see cref="JsonProperty.Name"/> throw) and silently writes U+FFFD for the raw form, so raw
/// outputs go through these helpers: they keep the text exactly, writing a lone surrogate as its
/// standard JSON escape (RFC 8259 allows any <c>\uXXXX</c>) and reading it back the same way.
/// </summary>
internal static class JsonStrings
{
    /// <summary>The index of the first lone (unpaired) surrogate in <paramref name="text"/>, or -1 when it is well-formed.</summary>
    public static int IndexOfLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return i;
        }
        return -1;
    }

    /// <summary>
    /// True when every string and property name in <paramref name="value"/>, at any depth, decodes
    /// to well-formed UTF-16; false when one holds an escaped lone surrogate such as <c>\ud800</c>.
    /// </summary>
    public static bool Decodes(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return Decodes(() => value.GetString());
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                    if (!Decodes(item)) return false;
                return true;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                    if (!Decodes(() => property.Name) || !Decodes(property.Value)) return false;
                return true;
            default:
                return true;
        }
    }

    /// <summary>
    /// True when the property names of the object <paramref name="value"/> (its own, not nested ones) decode.
    /// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> throws on an object whose names do not.
    /// </summary>
    public static bool NamesDecode(JsonElement value) =>
        value.ValueKind != JsonValueKind.Object || value.EnumerateObject().All(p => Decodes(() => p.Name));

    /// <summary>
    /// The exact text of a JSON string value, escaped lone surrogates included (where
    /// <see cref="JsonElement.GetString"/> throws); null for JSON null.
    /// </summary>
    /// <exception cref="FormatException">The value is neither a string nor null.</exception>
    public static string? GetExact(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw new FormatException($"expected a string, got {JsonText.Describe(value)}");
        return Unescape(value.GetRawText());
    }

    /// <summary>
    /// Writes <paramref name="value"/> (or null) as a string value, lone surrogates as
    /// <c>\uXXXX</c> escapes so that <see cref="GetExact"/> reads back the same text.
    /// </summary>
    public static void WriteExactValue(Utf8JsonWriter writer, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        if (IndexOfLoneSurrogate(value) < 0)
        {
            writer.WriteStringValue(value);
            return;
        }
        var literal = new StringBuilder("\"");
        var start = 0;
        for (var at = IndexOfLoneSurrogate(value); at >= 0; at = NextLoneSurrogate(value, start))
        {
            literal.Append(JsonEncodedText.Encode(value.AsSpan(start, at - start), JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value);
            literal.Append(CultureInfo.InvariantCulture, $"\\u{(int)value[at]:x4}");
            start = at + 1;
        }
        literal.Append(JsonEncodedText.Encode(value.AsSpan(start), JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value).Append('"');
        writer.WriteRawValue(literal.ToString());
    }

    private static int NextLoneSurrogate(string value, int start)
    {
        var at = IndexOfLoneSurrogate(value.AsSpan(start));
        return at < 0 ? -1 : start + at;
    }

    // System.Text.Json offers no way to ask whether a string decodes other than trying.
    private static bool Decodes(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // The literal comes from a parsed document, so its escapes are valid JSON: \" \\ \/ \b \f \n \r \t \uXXXX.
    private static string Unescape(string literal)
    {
        var text = new StringBuilder(literal.Length);
        for (var i = 1; i < literal.Length - 1; i++)
        {
            var c = literal[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }
            c = literal[++i];
            switch (c)
            {
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u':
                    text.Append((char)int.Parse(literal.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: text.Append(c); break;
            }
        }
        return text.ToString();
    }
}
