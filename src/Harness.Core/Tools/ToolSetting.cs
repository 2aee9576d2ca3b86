using System.Collections.Immutable;

namespace Harness.Tools;

/// <summary>A used tool with its parameters (the teacher's, or a parsed student output).</summary>
public abstract record ToolSetting(ToolName Tool);

/// <summary>
/// Adjust or selective adjust: the canonical vector (14 or 12 numbers, spec §1),
/// in <see cref="ToolSchema.VectorParameters"/> order.
/// </summary>
public sealed record VectorSetting : ToolSetting
{
    public VectorSetting(ToolName tool, ImmutableArray<double> values) : base(tool)
    {
        if (tool == ToolName.Filter) throw new ArgumentException("Filter is not a vector tool.", nameof(tool));
        var expected = tool.VectorParameters().Length;
        if (values.Length != expected)
            throw new ArgumentException($"{tool.WireName()} needs {expected} values, got {values.Length}.", nameof(values));
        Values = values;
    }

    /// <summary>The canonical vector.</summary>
    public ImmutableArray<double> Values { get; }

    public bool Equals(VectorSetting? other) =>
        other is not null && Tool == other.Tool && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => HashCode.Combine(Tool, Values.Length > 0 ? Values[0] : 0);
}

/// <summary>A filter: a catalogue name and an intensity in [0, 100].</summary>
public sealed record FilterSetting(string Name, double Intensity) : ToolSetting(ToolName.Filter);
