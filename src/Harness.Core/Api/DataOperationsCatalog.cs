using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Parsing;
using Harness.Runs;

namespace Harness.Api;

/// <summary>Datasets and predictions files: loaded, checked row by row, described (<see cref="HarnessContext.Data"/>).</summary>
public sealed class DataOperationsCatalog
{
    internal DataOperationsCatalog(HarnessContext context) => _ = context;

    /// <summary>Loads a dataset split (spec §2, JSON Lines) and checks every row against the schema.</summary>
    /// <param name="path">The split, e.g. <c>datasets/tonal-color/test.jsonl</c>.</param>
    /// <param name="filtersPath">The filter catalogue; null for <c>filters.txt</c> beside the dataset.</param>
    /// <returns>The rows in file order, the file's SHA-256 and the filter catalogue.</returns>
    /// <exception cref="InputException">The file is missing or empty, or rows break the schema: one <c>FILE:LINE: field: what is wrong</c> per problem (<see cref="InputException.Problems"/>).</exception>
    public Dataset Load(string path, string? filtersPath = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return DatasetLoader.Load(path, filtersPath);
    }

    /// <summary>
    /// Loads several splits as <c>harness validate</c> does: every row of every file is checked,
    /// and the splits must share no intent (a test intent seen in train would flatter a student).
    /// </summary>
    /// <param name="paths">The splits, e.g. train and test.</param>
    /// <param name="filtersPath">The filter catalogue; null for <c>filters.txt</c> beside each dataset.</param>
    /// <returns>The splits, in the order given.</returns>
    /// <exception cref="InputException">Every problem of every file, and every intent two splits share, one per entry of <see cref="InputException.Problems"/>.</exception>
    public ImmutableArray<Dataset> Validate(IEnumerable<string> paths, string? filtersPath = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var problems = new List<string>();
        var splits = new List<Dataset>();
        foreach (var path in paths)
        {
            try
            {
                splits.Add(DatasetLoader.Load(path, filtersPath));
            }
            catch (InputException ex)
            {
                problems.AddRange(ex.Problems.Count > 0 ? ex.Problems : [ex.Message]);
            }
        }
        problems.AddRange(SplitOverlap.Find(splits));
        if (problems.Count > 0) throw new InputException(problems);
        return [.. splits];
    }

    /// <summary>The spec §2 statistics of a split: used counts per tool, repeats, subset sizes, filter names, parameter ranges.</summary>
    public DatasetStatistics Statistics(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return DatasetStatistics.From(dataset);
    }

    /// <summary>
    /// Reads a predictions file (one <c>{"id":..,"outputs":{..}}</c> line per intent) against
    /// <paramref name="dataset"/>, parsing each output as a backend's would be (spec §3).
    /// </summary>
    /// <returns>The parsed predictions, one call record per row and tool, and the dataset ids the file lacks (they count as not used).</returns>
    /// <exception cref="InputException">The file is missing or empty, a line is bad, or an id is not in the dataset.</exception>
    public PredictionsFile LoadPredictions(string path, Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(dataset);
        return PredictionsFileReader.Read(path, dataset, new OutputParser(dataset.Filters));
    }
}
