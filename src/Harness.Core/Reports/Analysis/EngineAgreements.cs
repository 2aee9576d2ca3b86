using System.Collections.Immutable;
using Harness.Runs;

namespace Harness.Reports.Analysis;

/// <summary>
/// The cross-engine agreement of a run: for every <c>model_id</c> declared by two or more backends
/// that ran, each backend compared with the group's first within each scenario both ran. A pair
/// whose numbers are the same in every scenario is one row naming all of them.
/// </summary>
internal static class EngineAgreements
{
    public static ImmutableArray<EngineAgreement> Of(IEnumerable<BackendRunResult> results)
    {
        var rows = ImmutableArray.CreateBuilder<EngineAgreement>();
        var ran = results.Where(r => r.Error is null && r.Metrics.Run.ModelId is not null).ToList();
        foreach (var group in ran.GroupBy(r => r.Metrics.Run.ModelId!, StringComparer.Ordinal))
        {
            var labels = group.Select(r => r.Label).Distinct(StringComparer.Ordinal).ToList();
            foreach (var label in labels.Skip(1))
            {
                var pairs = group.Where(r => r.Label == labels[0])
                    .Select(reference => (Reference: reference, Other: group.FirstOrDefault(r => r.Label == label && r.Metrics.Run.Scenario == reference.Metrics.Run.Scenario)))
                    .Where(p => p.Other is not null)
                    .Select(p => EngineAgreement.Compare(group.Key, p.Reference, p.Other!))
                    .ToList();
                rows.AddRange(Collapse(pairs));
            }
        }

        return rows.ToImmutable();
    }

    private static IEnumerable<EngineAgreement> Collapse(List<EngineAgreement> scenarios)
    {
        if (scenarios.Count < 2 || scenarios.Any(s => s with { Scenarios = "" } != scenarios[0] with { Scenarios = "" }))
            return scenarios;
        return [scenarios[0] with { Scenarios = string.Join(", ", scenarios.Select(s => s.Scenarios)) }];
    }
}
