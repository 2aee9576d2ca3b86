
namespace Harness.Runs;

/// <summary>
/// The three reference rows a student is read against, none of them a candidate:
/// <list type="bullet">
/// <item>the <b>floor</b>, a baseline every student should beat (the retrieval baseline);</item>
/// <item>the <b>ceiling</b>, the best score the data allows (on the shipped synthetic data, the
/// generator's oracle: it knows each intent's concepts but none of the teacher's random draws);</item>
/// <item>the <b>teacher</b>, the ground truth replayed (overall 1.0 by construction, not attainable
/// where the teacher is noisy).</item>
/// </list>
/// The config names them (<c>floor:</c>, <c>ceiling:</c>, <c>teacher:</c>, backend labels); when it
/// does not, they are recognised by name (case-insensitive): the floor's label or plugin contains
/// <c>retrieval</c> or <c>baseline</c>, the ceiling's label <c>oracle</c> or <c>ceiling</c>, the
/// teacher's label <c>teacher</c>. A run without a ceiling draws the teacher as its ceiling line.
/// </summary>
/// <param name="Floor">The floor backend's label, or null to recognise it by name.</param>
/// <param name="Ceiling">The ceiling backend's label, or null to recognise it by name.</param>
/// <param name="Teacher">The teacher backend's label, or null to recognise it by name.</param>
public sealed record Baselines(string? Floor = null, string? Ceiling = null, string? Teacher = null)
{
    private static readonly string[] FloorMarkers = ["retrieval", "baseline"];
    private static readonly string[] CeilingMarkers = ["oracle", "ceiling"];

    /// <summary>Recognises all three by name: what a report of results without a config uses.</summary>
    public static Baselines ByName { get; } = new();

    public bool IsFloor(BackendRunResult result) => Floor is null
        ? FloorMarkers.Any(m => Contains(result.Label, m) || Contains(result.Metrics.Run.Backend, m))
        : result.Label == Floor;

    public bool IsCeiling(BackendRunResult result) => Ceiling is null ? CeilingMarkers.Any(m => Contains(result.Label, m)) : result.Label == Ceiling;

    public bool IsTeacher(BackendRunResult result) => Teacher is null ? Contains(result.Label, "teacher") : result.Label == Teacher;

    /// <summary>Whether the result is one of the reference rows rather than a candidate student.</summary>
    public bool IsReference(BackendRunResult result) => IsFloor(result) || IsCeiling(result) || IsTeacher(result);

    /// <summary>Whether the result is drawn as a line rather than a candidate point: the ceiling and the teacher.</summary>
    public bool IsUpperReference(BackendRunResult result) => IsCeiling(result) || IsTeacher(result);

    /// <summary>The floor's first result that ran, or null.</summary>
    public BackendRunResult? FloorOf(IEnumerable<BackendRunResult> results) => results.FirstOrDefault(r => r.Error is null && IsFloor(r));

    /// <summary>The ceiling's first result that ran, or null.</summary>
    public BackendRunResult? CeilingOf(IEnumerable<BackendRunResult> results) => results.FirstOrDefault(r => r.Error is null && IsCeiling(r));

    /// <summary>The teacher's first result that ran, or null.</summary>
    public BackendRunResult? TeacherOf(IEnumerable<BackendRunResult> results) => results.FirstOrDefault(r => r.Error is null && IsTeacher(r));

    /// <summary><c> (floor)</c>, <c> (ceiling)</c> or <c> (teacher)</c> to follow a backend's name in text, else empty.</summary>
    public string Suffix(BackendRunResult result) =>
        IsFloor(result) ? " (floor)" : IsCeiling(result) ? " (ceiling)" : IsTeacher(result) ? " (teacher)" : "";

    private static bool Contains(string text, string marker) => text.Contains(marker, StringComparison.OrdinalIgnoreCase);
}
