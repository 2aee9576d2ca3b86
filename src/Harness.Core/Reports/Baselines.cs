using Harness.Running;

namespace Harness.Reports;

/// <summary>
/// Which results are baselines, shown as the "floor" every student should beat: a backend
/// whose label or plugin name contains <c>retrieval</c> or <c>baseline</c> (case-insensitive).
/// </summary>
public static class Baselines
{
    private static readonly string[] Markers = ["retrieval", "baseline"];

    public static bool IsBaseline(BackendRunResult result) =>
        Markers.Any(m => result.Label.Contains(m, StringComparison.OrdinalIgnoreCase)
                      || result.Metrics.Run.Backend.Contains(m, StringComparison.OrdinalIgnoreCase));
}
