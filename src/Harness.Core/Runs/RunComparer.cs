using Harness.Datasets;
using Harness.Metrics;

namespace Harness.Runs;

/// <summary>
/// Builds the side-by-side report of earlier runs or results (<c>harness compare</c>): every
/// result found under the given folders, each compared with the first by a paired bootstrap
/// where the rows are the same.
/// </summary>
public static class RunComparer
{
    public static RunReport Compare(IReadOnlyList<string> paths, string? datasetPath, BootstrapOptions options)
    {
        if (paths.Count == 0) throw new InputException("compare: pass at least one run or result folder.");
        var loaded = paths.Select(p => (Path: p, Results: StoredResults.Load(p))).ToList();
        var results = new List<StoredResult>();
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, found) in loaded)
        {
            var backends = found.Select(r => r.Label).Distinct(StringComparer.Ordinal).Count();
            var name = Path.GetFileName(Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar));
            // A result folder (<run>/<label>/<scenario>) is named after its scenario: its backend's label says more.
            var resultFolder = File.Exists(Path.Combine(path, RunLayout.MetricsFile));
            var severalScenarios = found.Length > backends;
            foreach (var result in found)
            {
                // Labels must be unique in a report: prefix the folder given when results come from several,
                // and name the scenario when a folder holds one backend in several.
                var label = paths.Count == 1 || resultFolder ? result.Label : backends == 1 ? name : $"{name}/{result.Label}";
                if (severalScenarios) label += "/" + result.Scenario;
                var unique = label;
                for (var n = 2; !labels.Add(unique); n++) unique = $"{label}#{n}";
                results.Add(result with { Label = unique });
            }
        }

        var dataset = DatasetLocator.Load(datasetPath, paths) ?? Placeholder(results[0]);
        var reference = results[0];
        var comparisons = results.Skip(1).Select(r =>
        {
            var pairing = Pairing.Compare(dataset.Rows.IsEmpty ? null : dataset, reference, r, options);
            return new ResultComparison(reference.Label, r.Label, pairing.Differences, pairing.Reason);
        }).ToList();

        var id = "compare-" + string.Join("-vs-", loaded.Select(l => Path.GetFileName(Path.GetFullPath(l.Path).TrimEnd(Path.DirectorySeparatorChar))));
        return new RunReport(id, dataset, [.. results.Select(r => r.ToRunResult())], null, comparisons);
    }

    // Without the dataset file the report still compares the stored metrics; per-row detail is left out.
    private static Dataset Placeholder(StoredResult first) =>
        new(first.Metrics.Run.Dataset, first.Metrics.Run.DatasetSha256, [], []);
}
