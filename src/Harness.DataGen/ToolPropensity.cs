namespace Harness.DataGen;

/// <summary>How likely the teacher is to use each tool for a concept, each in [0, 1].</summary>
internal readonly record struct ToolPropensity(double Adjust, double SelectiveAdjust, double Filter)
{
    public double this[int tool] => tool switch
    {
        0 => Adjust,
        1 => SelectiveAdjust,
        _ => Filter,
    };
}
