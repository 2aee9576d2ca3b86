using System.Globalization;
using System.Text;
using Harness.Json;
using Harness.Tools;

namespace Harness.Reports.Analysis;

/// <summary>Short human text for a setting: the non-zero parameters, or the filter name and intensity.</summary>
internal static class SettingText
{
    public static string Format(ToolSetting? setting) => setting switch
    {
        null => "not used",
        FilterSetting f => $"{f.Name} @ {f.Intensity.ToString("0.#", CultureInfo.InvariantCulture)}",
        VectorSetting v => Vector(v),
        _ => setting.ToString() ?? "",
    };

    private static string Vector(VectorSetting v)
    {
        var text = new StringBuilder();
        foreach (var group in ToolShape.Groups(v.Tool))
        {
            for (var i = 0; i < group.Parameters.Length; i++)
            {
                var value = v.Values[group.FirstIndex + i];
                if (value == 0) continue;
                if (text.Length > 0) text.Append(", ");
                text.Append(group.Path(group.Parameters[i])).Append(' ').Append(value.ToString("+0.#;-0.#", CultureInfo.InvariantCulture));
            }
        }

        return text.Length == 0 ? "all zero" : text.ToString();
    }

    /// <summary>
    /// The raw output, one line, cut to <paramref name="max"/> characters (never inside a surrogate
    /// pair). A lone surrogate shows as its escape, <c>\ud800</c>: written as UTF-8 it would silently become U+FFFD.
    /// </summary>
    public static string Raw(string? raw, int max = 240)
    {
        if (raw is null) return "(no output)";
        var line = string.Join(' ', raw.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        if (line.Length == 0) return "(empty)";
        if (line.Length > max)
        {
            var cut = char.IsHighSurrogate(line[max - 2]) ? max - 2 : max - 1;
            line = line[..cut] + "…";
        }
        return JsonStrings.IndexOfLoneSurrogate(line) < 0 ? line : EscapeLoneSurrogates(line);
    }

    private static string EscapeLoneSurrogates(string text)
    {
        var shown = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) shown.Append(text[i]).Append(text[++i]);
            else if (char.IsSurrogate(text[i])) shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)text[i]:x4}");
            else shown.Append(text[i]);
        }
        return shown.ToString();
    }
}
