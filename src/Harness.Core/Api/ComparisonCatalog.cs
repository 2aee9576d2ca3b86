using Harness.Datasets;
using Harness.Runs;

namespace Harness.Api;

/// <summary>
/// Paired-bootstrap comparisons (spec §4; <see cref="HarnessContext.Comparison"/>): each resample
/// draws one set of rows and scores both results on it, so the interval of a difference reflects
/// only how the two differ. Intervals are drawn with the context's seed.
/// </summary>
public sealed class ComparisonCatalog
{
    private readonly HarnessContext _context;

    internal ComparisonCatalog(HarnessContext context) => _context = context;

    /// <summary>
    /// The difference <paramref name="result"/> − <paramref name="reference"/> of every final and
    /// overall on subsets <c>all</c>, <c>r3</c> and <c>r5</c>, each with its 95% paired interval,
    /// over the rows either predicted (<see cref="ResultComparison.Find"/> picks one).
    /// </summary>
    /// <param name="dataset">The dataset both were run over.</param>
    /// <param name="reference">The result compared against (A).</param>
    /// <param name="result">The result compared (B).</param>
    /// <returns>The differences, or none with <see cref="ResultComparison.NoPairingReason"/> saying why (the rows differ).</returns>
    public ResultComparison Compare(Dataset dataset, BackendRunResult reference, BackendRunResult result)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(result);
        var pairing = Pairing.Compare(dataset, InMemory(reference), InMemory(result), _context.Bootstrap);
        return new ResultComparison(reference.Label, result.Label, pairing.Differences, pairing.Reason);
    }

    /// <summary>
    /// The side-by-side report of earlier runs or results, as <c>harness compare</c> writes it:
    /// every result under <paramref name="folders"/> (run, backend or result folders), each compared
    /// with the first where the rows are the same.
    /// </summary>
    /// <param name="folders">Run folders, backend folders <c>&lt;run&gt;/&lt;label&gt;</c> or result folders (with metrics.json).</param>
    /// <param name="datasetPath">The dataset the results were scored on; null for the one run.json names.</param>
    /// <exception cref="InputException">A folder is missing or holds no result, or a file in it is malformed.</exception>
    public RunReport CompareFolders(IReadOnlyList<string> folders, string? datasetPath = null)
    {
        ArgumentNullException.ThrowIfNull(folders);
        return RunComparer.Compare(folders, datasetPath, _context.Bootstrap);
    }

    /// <summary>A result in hand as the pairing reads stored ones; its label stands for the folder it has none of.</summary>
    internal static StoredResult InMemory(BackendRunResult result) => new(result.Label, result.Label, result.Metrics, result.Calls);
}
