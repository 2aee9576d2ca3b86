using System.Collections.Immutable;
using Harness.Tools;

namespace Harness.DataGen;

/// <summary>
/// What the synthetic teacher would answer for an intent if it used every tool, and how
/// strongly the intent calls for each tool. Which tools it actually uses is decided over a
/// whole split (<see cref="UsageAllocator"/>) so the used counts come out exact.
/// </summary>
internal sealed record TeacherDraft(
    ImmutableArray<double> Propensity,
    ImmutableArray<int> Adjust,
    ImmutableArray<int> Selective,
    string FilterName,
    int FilterIntensity)
{
    /// <summary>The teacher's setting for a tool, should it use that tool.</summary>
    public ToolSetting SettingFor(ToolName tool) => tool switch
    {
        ToolName.Adjust => new VectorSetting(ToolName.Adjust, [.. Adjust.Select(v => (double)v)]),
        ToolName.SelectiveAdjust => new VectorSetting(ToolName.SelectiveAdjust, [.. Selective.Select(v => (double)v)]),
        _ => new FilterSetting(FilterName, FilterIntensity),
    };
}
