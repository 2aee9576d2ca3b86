
namespace Harness.Runs;

/// <summary>
/// The two results a student is read against: the floor, a baseline every student should beat
/// (the retrieval baseline), and the ceiling, the teacher's own outputs replayed (overall 1.0 by
/// construction). The config names them (<c>floor:</c>, <c>ceiling:</c>, backend labels); when it
/// does not, the floor is a backend whose label or plugin contains <c>retrieval</c> or
/// <c>baseline</c> and the ceiling one whose label contains <c>teacher</c> (case-insensitive).
/// </summary>
/// <param name="Floor">The floor backend's label, or null to recognise it by name.</param>
/// <param name="Ceiling">The ceiling backend's label, or null to recognise it by name.</param>
public sealed record Baselines(string? Floor = null, string? Ceiling = null)
{
    private static readonly string[] FloorMarkers = ["retrieval", "baseline"];

    /// <summary>Recognises both by name: what a report of results without a config uses.</summary>
    public static Baselines ByName { get; } = new();

    public bool IsFloor(BackendRunResult result) => Floor is null
        ? FloorMarkers.Any(m => Contains(result.Label, m) || Contains(result.Metrics.Run.Backend, m))
        : result.Label == Floor;

    public bool IsCeiling(BackendRunResult result) => Ceiling is null ? Contains(result.Label, "teacher") : result.Label == Ceiling;

    /// <summary>The floor's first result that ran, or null.</summary>
    public BackendRunResult? FloorOf(IEnumerable<BackendRunResult> results) => results.FirstOrDefault(r => r.Error is null && IsFloor(r));

    /// <summary>The ceiling's first result that ran, or null.</summary>
    public BackendRunResult? CeilingOf(IEnumerable<BackendRunResult> results) => results.FirstOrDefault(r => r.Error is null && IsCeiling(r));

    /// <summary><c> (floor)</c> or <c> (ceiling)</c> to follow a backend's name in text, else empty.</summary>
    public string Suffix(BackendRunResult result) => IsFloor(result) ? " (floor)" : IsCeiling(result) ? " (ceiling)" : "";

    private static bool Contains(string text, string marker) => text.Contains(marker, StringComparison.OrdinalIgnoreCase);
}
