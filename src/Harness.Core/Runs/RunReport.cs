using System.Collections.Immutable;
using Harness.Datasets;

namespace Harness.Runs;

/// <summary>Everything a report writer needs about one run: the dataset and each backend's results.</summary>
/// <param name="RunId">The run id (also the report folder name).</param>
/// <param name="Dataset">The dataset the backends ran over.</param>
/// <param name="Results">One entry per backend and scenario, in config order.</param>
/// <param name="Environment">Where it ran, when known.</param>
/// <param name="Comparisons">Paired differences against the first result (<c>harness compare</c>); null for a plain run.</param>
/// <param name="Floor">The label the config named as the floor, or null to recognise it by name (<see cref="Runs.Baselines"/>).</param>
/// <param name="Ceiling">The label the config named as the ceiling, or null to recognise it by name.</param>
/// <param name="Teacher">The label the config named as the teacher, or null to recognise it by name.</param>
/// <param name="ReportFailures">
/// After <c>harness eval</c> wrote the reports: one message per report that could not be written
/// (a full disk, say), so that the run fails naming it; null or empty when every report was written.
/// </param>
public sealed record RunReport(
    string RunId,
    Dataset Dataset,
    ImmutableArray<BackendRunResult> Results,
    RunEnvironment? Environment,
    IReadOnlyList<ResultComparison>? Comparisons = null,
    string? Floor = null,
    string? Ceiling = null,
    IReadOnlyList<string>? ReportFailures = null,
    string? Teacher = null)
{
    /// <summary>Which results are the floor, the ceiling and the teacher.</summary>
    public Baselines Baselines => new(Floor, Ceiling, Teacher);
}
