using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Metrics;

namespace Harness.Runs;

/// <summary>
/// A paired-bootstrap comparison of two stored results (B − A), possible only when both were
/// scored on the same rows: the same dataset (sha256) holding every predicted row id. Otherwise
/// <see cref="Reason"/> says plainly why there is no paired interval.
/// </summary>
public sealed record Pairing(StoredResult A, StoredResult B, ImmutableArray<MetricDifference>? Differences, string? Reason)
{
    public static Pairing Compare(Dataset? dataset, StoredResult a, StoredResult b, BootstrapOptions options)
    {
        var (shaA, shaB) = (a.Metrics.Run.DatasetSha256, b.Metrics.Run.DatasetSha256);
        if (shaA != shaB)
            return new Pairing(a, b, null, $"the rows differ: dataset sha256 {Short(shaA)} vs {Short(shaB)}");
        if (a.Calls.IsEmpty || b.Calls.IsEmpty)
            return new Pairing(a, b, null, $"no {RunLayout.PredictionsFile} in {(a.Calls.IsEmpty ? a.Directory : b.Directory)}, so rows cannot be paired");
        if (dataset is null)
            return new Pairing(a, b, null, "the dataset was not found (no run.json naming it); pass --dataset");
        if (dataset.Sha256 != shaA)
            return new Pairing(a, b, null, $"the dataset {dataset.Name} (sha256 {Short(dataset.Sha256)}) is not the one the results were scored on ({Short(shaA)})");

        // The rows either side predicted (a run with a row limit covers a prefix); a row one side
        // lacks counts as "not used" for it, as in scoring.
        var (predA, predB) = (a.Predictions(), b.Predictions());
        var ids = predA.Keys.Union(predB.Keys, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var rows = dataset.Rows.Where(r => ids.Contains(r.Id)).ToList();
        if (rows.Count != ids.Count)
            return new Pairing(a, b, null, $"the rows differ: {ids.Count - rows.Count} predicted row ids are not in {dataset.Name}");

        return new Pairing(a, b, PairedBootstrap.Compare(rows, predA, predB, options), null);
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
