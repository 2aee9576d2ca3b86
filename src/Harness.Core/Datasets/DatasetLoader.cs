using System.Collections.Immutable;
using Harness.Backends;

namespace Harness.Datasets;

/// <summary>
/// Loads a split (spec §2) from JSON Lines, checking every row. All problems are
/// collected and thrown together as <c>FILE:LINE: field: what is wrong</c>, one per line.
/// </summary>
public static class DatasetLoader
{
    /// <summary>Loads and validates a dataset file.</summary>
    /// <param name="path">The JSONL file.</param>
    /// <param name="filtersPath">The filter catalogue; <c>filters.txt</c> beside the dataset when null.</param>
    /// <exception cref="InputException">The file is missing, empty, or has rows that break the schema.</exception>
    public static Dataset Load(string path, string? filtersPath = null)
    {
        if (!File.Exists(path))
            throw new InputException($"{path}: dataset file not found; check the path (datasets live in datasets/<name>/test.jsonl).");
        var filters = FilterCatalog.Load(filtersPath ?? FilterCatalog.DefaultPathFor(path));
        var reader = new DatasetRowReader(path, filters);
        var rows = ImmutableArray.CreateBuilder<DatasetRow>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var row = reader.Read(line, lineNumber);
            if (row is not null) rows.Add(row);
        }
        if (reader.Problems.Count > 0) throw new InputException(reader.Problems);
        if (rows.Count == 0)
            throw new InputException($"{path}: the file is empty; a dataset has one JSON object per line (spec §2).");
        return new Dataset(path, FileHash.Sha256(path), rows.ToImmutable(), filters);
    }
}
