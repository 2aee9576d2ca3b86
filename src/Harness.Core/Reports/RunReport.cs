using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Running;

namespace Harness.Reports;

/// <summary>Everything a report writer needs about one run: the dataset and each backend's results.</summary>
/// <param name="RunId">The run id (also the report folder name).</param>
/// <param name="Dataset">The dataset the backends ran over.</param>
/// <param name="Results">One entry per backend and scenario, in config order.</param>
/// <param name="Environment">Where it ran, when known.</param>
/// <param name="Comparisons">Paired differences against the first result (<c>harness compare</c>); null for a plain run.</param>
public sealed record RunReport(
    string RunId,
    Dataset Dataset,
    ImmutableArray<BackendRunResult> Results,
    RunEnvironment? Environment,
    IReadOnlyList<ResultComparison>? Comparisons = null);
