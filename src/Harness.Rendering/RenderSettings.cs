using System.Collections.Immutable;
using Harness.Tools;

namespace Harness.Rendering;

/// <summary>
/// What the three tools ask for, in the shape of a dataset row's <c>teacher</c> object: each
/// tool's settings, or null where the tool is not used. Adjust and selective values are in
/// [-100, 100] in the schema's canonical order (<see cref="ToolSchema"/>).
/// </summary>
/// <param name="Adjust">The 14 adjust parameters, or null.</param>
/// <param name="Selective">The 12 selective-adjust components (colour × saturation, luminance), or null.</param>
/// <param name="Filter">The filter and its intensity, or null.</param>
public sealed record RenderSettings(ImmutableArray<double>? Adjust, ImmutableArray<double>? Selective, FilterSetting? Filter)
{
    /// <summary>No tool used: renders the input unchanged.</summary>
    public static RenderSettings None { get; } = new(null, null, null);

    /// <summary>Only adjust, with the named parameters set (the others 0).</summary>
    public static RenderSettings AdjustOnly(params (string Name, double Value)[] values) =>
        new(Vector(ToolSchema.AdjustParameters, values), null, null);

    /// <summary>Only selective adjust, with the named <c>colour.channel</c> components set (the others 0).</summary>
    public static RenderSettings SelectiveOnly(params (string Name, double Value)[] values) =>
        new(null, Vector(ToolSchema.SelectiveParameters, values), null);

    /// <summary>True when no tool would change a pixel: every tool unused or all zero (a filter at intensity 0).</summary>
    public bool IsIdentity =>
        IsZero(Adjust) && IsZero(Selective) && (Filter is null || Filter.Intensity == 0);

    internal static bool IsZero(ImmutableArray<double>? values) => values is null || values.Value.All(v => v == 0);

    private static ImmutableArray<double> Vector(ImmutableArray<string> names, (string Name, double Value)[] values)
    {
        var vector = new double[names.Length];
        foreach (var (name, value) in values)
        {
            var index = names.IndexOf(name);
            if (index < 0) throw new ArgumentException($"Unknown parameter '{name}'.", nameof(values));
            vector[index] = value;
        }
        return [.. vector];
    }
}

/// <summary>A filter call: a catalogue name and an intensity in [0, 100].</summary>
public sealed record FilterSetting(string Name, double Intensity);
