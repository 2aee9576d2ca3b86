using System.Collections.Immutable;
using Harness.Tools;

namespace Harness.Datasets;

/// <summary>One intent of a split (spec §2).</summary>
/// <param name="Id">Unique id, e.g. <c>test-00001</c>.</param>
/// <param name="Intent">The user's words.</param>
/// <param name="Repeats">How many times users asked for it (≥ 1); defines subsets r3 and r5.</param>
/// <param name="Teacher">The teacher's setting per tool; a missing entry means "not used".</param>
/// <param name="Exports">User exports per tool, when the dataset has them.</param>
/// <param name="Line">1-based line in the source file, for messages.</param>
public sealed record DatasetRow(
    string Id,
    string Intent,
    int Repeats,
    ImmutableDictionary<ToolName, ToolSetting> Teacher,
    ImmutableDictionary<ToolName, int>? Exports,
    int Line = 0)
{
    /// <summary>The teacher's setting for a tool, or null when the teacher did not use it.</summary>
    public ToolSetting? TeacherFor(ToolName tool) => Teacher.TryGetValue(tool, out var s) ? s : null;
}
