using System.Collections.Immutable;

namespace Harness.Tools;

/// <summary>
/// The fixed shape of the three tools (spec §1): wire names, canonical parameter
/// order and value ranges. Everything that reads or writes tool outputs goes through here.
/// </summary>
public static class ToolSchema
{
    /// <summary>All tools in canonical order.</summary>
    public static ImmutableArray<ToolName> All { get; } = [ToolName.Adjust, ToolName.SelectiveAdjust, ToolName.Filter];

    /// <summary>The 14 adjust parameters in canonical order.</summary>
    public static ImmutableArray<string> AdjustParameters { get; } =
    [
        "exposure", "contrast", "brightness", "highlights", "shadows", "saturation", "vibrance",
        "temperature", "tint", "hue", "bloom", "sharpen", "structure", "linearOffset",
    ];

    /// <summary>The six colours of selective adjust in canonical order.</summary>
    public static ImmutableArray<string> SelectiveColors { get; } = ["red", "orange", "yellow", "green", "cyan", "blue"];

    /// <summary>The two channels each selective colour carries, in canonical order.</summary>
    public static ImmutableArray<string> SelectiveChannels { get; } = ["saturation", "luminance"];

    /// <summary>The 12 selective-adjust vector components as <c>colour.channel</c>, in canonical order.</summary>
    public static ImmutableArray<string> SelectiveParameters { get; } =
        [.. SelectiveColors.SelectMany(c => SelectiveChannels.Select(ch => $"{c}.{ch}"))];

    /// <summary>Lowest value of any adjust or selective-adjust parameter.</summary>
    public const double ParameterMin = -100;

    /// <summary>Highest value of any adjust or selective-adjust parameter.</summary>
    public const double ParameterMax = 100;

    /// <summary>Lowest filter intensity.</summary>
    public const double IntensityMin = 0;

    /// <summary>Highest filter intensity.</summary>
    public const double IntensityMax = 100;

    /// <summary>The wire name of a tool: <c>adjust</c>, <c>selective_adjust</c>, <c>filter</c>.</summary>
    public static string WireName(this ToolName tool) => tool switch
    {
        ToolName.Adjust => "adjust",
        ToolName.SelectiveAdjust => "selective_adjust",
        ToolName.Filter => "filter",
        _ => throw new ArgumentOutOfRangeException(nameof(tool), tool, "Unknown tool."),
    };

    /// <summary>Reads a wire name (ordinal, exact); false for anything else.</summary>
    public static bool TryParse(string? wireName, out ToolName tool)
    {
        switch (wireName)
        {
            case "adjust": tool = ToolName.Adjust; return true;
            case "selective_adjust": tool = ToolName.SelectiveAdjust; return true;
            case "filter": tool = ToolName.Filter; return true;
            default: tool = default; return false;
        }
    }

    /// <summary>The canonical vector parameter names of a numeric tool (empty for filter).</summary>
    public static ImmutableArray<string> VectorParameters(this ToolName tool) => tool switch
    {
        ToolName.Adjust => AdjustParameters,
        ToolName.SelectiveAdjust => SelectiveParameters,
        _ => [],
    };
}
