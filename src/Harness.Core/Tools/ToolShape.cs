using System.Collections.Immutable;

namespace Harness.Tools;

/// <summary>
/// The canonical JSON shape of each tool's setting (spec §1), the one description that every
/// reader, writer and text of settings walks:
/// <code>
/// adjust            {"exposure": n, ... the 14 parameters}
/// selective_adjust  {"red": {"saturation": n, "luminance": n}, ... the 6 colours}
/// filter            {"name": "...", "intensity": n}
/// </code>
/// A vector tool's numbers sit in <see cref="Groups"/>: adjust has one group, the setting object
/// itself; selective adjust one per colour, each holding the two channels.
/// </summary>
public static class ToolShape
{
    /// <summary>The filter's catalogue-name key.</summary>
    public const string FilterName = "name";

    /// <summary>The filter's intensity key.</summary>
    public const string FilterIntensity = "intensity";

    private static readonly ImmutableArray<ParameterGroup> AdjustGroups = [new(null, ToolSchema.AdjustParameters, 0)];

    private static readonly ImmutableArray<ParameterGroup> SelectiveGroups =
        [.. ToolSchema.SelectiveColors.Select((colour, i) => new ParameterGroup(colour, ToolSchema.SelectiveChannels, i * ToolSchema.SelectiveChannels.Length))];

    /// <summary>The groups of a vector tool's numbers, in canonical order; empty for filter.</summary>
    public static ImmutableArray<ParameterGroup> Groups(ToolName tool) => tool switch
    {
        ToolName.Adjust => AdjustGroups,
        ToolName.SelectiveAdjust => SelectiveGroups,
        _ => [],
    };

    /// <summary>The keys of the filter's object, in canonical order.</summary>
    public static ImmutableArray<string> FilterKeys { get; } = [FilterName, FilterIntensity];
}

/// <summary>
/// One object of a vector tool's JSON holding numbers: its key in the setting (null for the setting
/// object itself, as adjust's), its parameter keys, and where they start in the canonical vector.
/// </summary>
public sealed record ParameterGroup(string? Key, ImmutableArray<string> Parameters, int FirstIndex)
{
    /// <summary>The index in the canonical vector of <paramref name="parameter"/>, or -1 when the group has no such key.</summary>
    public int IndexOf(string parameter)
    {
        var i = Parameters.IndexOf(parameter);
        return i < 0 ? -1 : FirstIndex + i;
    }

    /// <summary>The parameter's name in messages and text: <c>exposure</c>, <c>red.saturation</c>.</summary>
    public string Path(string parameter) => Key is null ? parameter : $"{Key}.{parameter}";
}
