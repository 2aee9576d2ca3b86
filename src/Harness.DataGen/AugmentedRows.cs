using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Tools;

namespace Harness.DataGen;

/// <summary>What <see cref="DatasetAugmenter"/> made.</summary>
/// <param name="Rows">The new rows, in the order of the mistakes they came from.</param>
/// <param name="SourceIds">The id of the mistaken row each new row was made for, parallel to <paramref name="Rows"/>.</param>
/// <param name="ShortOf">Mistaken rows whose concepts had fewer unused phrasings than asked for (all of them were written).</param>
public sealed record AugmentedRows(ImmutableArray<DatasetRow> Rows, ImmutableArray<string> SourceIds, ImmutableArray<string> ShortOf)
{
    /// <summary>How many of the new rows use a tool.</summary>
    public int UsedCount(ToolName tool) => Rows.Count(r => r.TeacherFor(tool) is not null);
}
