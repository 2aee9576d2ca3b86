using System.Collections.Immutable;

namespace Harness.Datasets;

/// <summary>
/// The filter catalogue: the LUT names a filter may use, one per line in <c>filters.txt</c>
/// beside the dataset. Blank lines and lines starting with <c>#</c> are ignored.
/// </summary>
public static class FilterCatalog
{
    /// <summary>The catalogue's file name, looked for beside a dataset file.</summary>
    public const string FileName = "filters.txt";

    /// <summary>Where the catalogue of a dataset file is by default: <c>filters.txt</c> in the same folder.</summary>
    public static string DefaultPathFor(string datasetPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(datasetPath)) ?? ".", FileName);

    /// <summary>Reads a catalogue; names are trimmed, kept in file order, duplicates dropped.</summary>
    /// <exception cref="InputException">The file is missing or names no filter.</exception>
    public static ImmutableArray<string> Load(string path)
    {
        if (!File.Exists(path))
            throw new InputException($"{path}: filter catalogue not found; put {FileName} (one filter name per line) beside the dataset.");
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var name = line.Trim();
            if (name.Length == 0 || name.StartsWith('#')) continue;
            if (seen.Add(name)) names.Add(name);
        }
        if (names.Count == 0)
            throw new InputException($"{path}: the filter catalogue names no filter; write one LUT name per line.");
        return [.. names];
    }
}
