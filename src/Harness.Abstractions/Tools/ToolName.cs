namespace Harness.Tools;

/// <summary>The three editing tools, in their canonical order.</summary>
public enum ToolName
{
    /// <summary>Global adjustments: 14 numeric parameters.</summary>
    Adjust = 0,

    /// <summary>Per-colour saturation and luminance: 12 numeric parameters.</summary>
    SelectiveAdjust = 1,

    /// <summary>A named LUT filter with an intensity.</summary>
    Filter = 2,
}
