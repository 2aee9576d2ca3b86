using System.Collections.Immutable;
using System.Globalization;
using Harness.Tools;

namespace Harness.DataGen;

/// <summary>
/// Reads the lexicon's compact signatures, e.g. <c>"temp 30, hi 20, sat -10"</c> or
/// <c>"ora.s 30, blu.l -10"</c>, into canonical vectors. Short names keep the lexicon
/// readable on one line per concept; full schema names are accepted too.
/// </summary>
internal static class ParameterSpec
{
    private static readonly ImmutableDictionary<string, string> AdjustAliases = new Dictionary<string, string>
    {
        ["exp"] = "exposure", ["con"] = "contrast", ["bri"] = "brightness", ["hi"] = "highlights",
        ["sh"] = "shadows", ["sat"] = "saturation", ["vib"] = "vibrance", ["temp"] = "temperature",
        ["tint"] = "tint", ["hue"] = "hue", ["bloom"] = "bloom", ["sharp"] = "sharpen",
        ["struct"] = "structure", ["lin"] = "linearOffset",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly ImmutableDictionary<string, string> ColourAliases = new Dictionary<string, string>
    {
        ["red"] = "red", ["ora"] = "orange", ["yel"] = "yellow", ["gre"] = "green", ["cya"] = "cyan", ["blu"] = "blue",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The 14-number adjust signature of a spec.</summary>
    public static ImmutableArray<double> Adjust(string spec) =>
        Parse(spec, ToolSchema.AdjustParameters, name => AdjustAliases.GetValueOrDefault(name, name));

    /// <summary>The 12-number selective signature of a spec; <c>s</c>/<c>l</c> abbreviate the channels.</summary>
    public static ImmutableArray<double> Selective(string spec) =>
        Parse(spec, ToolSchema.SelectiveParameters, name =>
        {
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0) return name;
            var colour = ColourAliases.GetValueOrDefault(name[..dot], name[..dot]);
            var channel = name[(dot + 1)..] switch { "s" => "saturation", "l" => "luminance", var c => c };
            return $"{colour}.{channel}";
        });

    /// <summary>Filter weights, e.g. <c>"kodak_Portra400 3, faded_Matte 1"</c>.</summary>
    public static ImmutableArray<KeyValuePair<string, double>> Weights(string spec) =>
        [.. Pairs(spec).Select(p => new KeyValuePair<string, double>(p.Name, p.Value))];

    private static ImmutableArray<double> Parse(string spec, ImmutableArray<string> names, Func<string, string> canonical)
    {
        var values = new double[names.Length];
        foreach (var (name, value) in Pairs(spec))
        {
            var index = names.IndexOf(canonical(name));
            if (index < 0) throw new ArgumentException($"Unknown parameter '{name}' in lexicon spec '{spec}'.", nameof(spec));
            values[index] = value;
        }
        return [.. values];
    }

    private static IEnumerable<(string Name, double Value)> Pairs(string spec)
    {
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2 || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new ArgumentException($"Lexicon spec entry '{part}' must be '<name> <number>'.", nameof(spec));
            yield return (fields[0], value);
        }
    }
}
