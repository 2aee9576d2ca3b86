using System.Collections.Immutable;

namespace Harness.Datasets;

/// <summary>A validated split: its rows, where it came from, and the filter catalogue it was checked against.</summary>
/// <param name="Path">The file it was loaded from.</param>
/// <param name="Sha256">SHA-256 of the file bytes, hex lower-case.</param>
/// <param name="Rows">Rows in file order.</param>
/// <param name="Filters">The filter catalogue (names, ordinal).</param>
public sealed record Dataset(string Path, string Sha256, ImmutableArray<DatasetRow> Rows, ImmutableArray<string> Filters)
{
    /// <summary>The file name without folders, for reports.</summary>
    public string Name => System.IO.Path.GetFileName(Path);
}
