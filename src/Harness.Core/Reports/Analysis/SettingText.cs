using System.Globalization;
using System.Text;
using Harness.Datasets;
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
        var names = v.Tool.VectorParameters();
        var text = new StringBuilder();
        for (var i = 0; i < v.Values.Length; i++)
        {
            if (v.Values[i] == 0) continue;
            if (text.Length > 0) text.Append(", ");
            text.Append(names[i]).Append(' ').Append(v.Values[i].ToString("+0.#;-0.#", CultureInfo.InvariantCulture));
        }

        return text.Length == 0 ? "all zero" : text.ToString();
    }

    /// <summary>The raw output, one line, cut to <paramref name="max"/> characters.</summary>
    public static string Raw(string? raw, int max = 240)
    {
        if (raw is null) return "(no output)";
        var line = string.Join(' ', raw.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        if (line.Length == 0) return "(empty)";
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }
}
