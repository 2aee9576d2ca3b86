using System.Collections.Immutable;
using Harness.Metrics;
using Harness.Runs;

namespace Harness.Gate;

/// <summary>
/// Reads what <c>harness gate</c> judges from disk and builds the rules' context: the candidate
/// and baseline results (one backend each, any scenarios) and, when the policy compares, the
/// paired-bootstrap differences on the primary scenarios.
/// </summary>
public static class GateInputs
{
    public static GateContext Load(GatePolicy policy, string policyPath, string candidatePath, string? baselinePath, string? datasetPath)
    {
        if (policy.NeedsBaseline && baselinePath is null)
            throw new InputException($"{policyPath}: non_inferiority rules compare against a baseline; pass --baseline RESULT (or remove non_inferiority).");

        var candidate = Results(candidatePath, "--candidate");
        ImmutableArray<StoredResult>? baseline = baselinePath is null ? null : Results(baselinePath, "--baseline");
        ImmutableArray<MetricDifference>? differences = null;
        string? reason = null;
        if (baseline is not null && policy.NeedsBaseline)
        {
            var dataset = DatasetLocator.Load(datasetPath, [candidatePath, baselinePath!]);
            var pairing = Pairing.Compare(dataset, baseline.Value[0], candidate[0], new BootstrapOptions(policy.Seed, policy.Resamples));
            (differences, reason) = (pairing.Differences, pairing.Reason);
        }

        return new GateContext(Subject(candidatePath, candidate), baseline is null ? null : Subject(baselinePath!, baseline.Value), policy.Subset, differences, reason);
    }

    private static ImmutableArray<StoredResult> Results(string path, string option)
    {
        var results = StoredResults.Load(path);
        var labels = results.Select(r => r.Label).Distinct(StringComparer.Ordinal).ToList();
        if (labels.Count > 1)
            throw new InputException($"{path}: {option} holds {labels.Count} backends ({string.Join(", ", labels)}); pass one backend folder, e.g. {Path.Combine(path, labels[0])}.");
        return results;
    }

    private static GateSubject Subject(string path, ImmutableArray<StoredResult> results) => new(path, [.. results.Select(r => r.Metrics)]);
}
