using Harness.Metrics.Images;
using Harness.Runs;

namespace Harness.Reports.Analysis;

/// <summary>One backend's image-space difference, as the reports show it: the first scenario that measured it.</summary>
internal sealed record ImageRow(string Label, string Scenario, ImageDifference Image);

/// <summary>The image-space rows of a run, one per backend in run order; empty when the config asked for no image metric.</summary>
internal static class ImageRows
{
    public static IReadOnlyList<ImageRow> Of(IEnumerable<BackendRunResult> results) =>
        [.. results
            .Where(r => r.Error is null && r.Metrics.Image is not null)
            .GroupBy(r => r.Label, StringComparer.Ordinal)
            .Select(g => g.First())
            .Select(r => new ImageRow(r.Label, r.Metrics.Run.Scenario, r.Metrics.Image!))];

    /// <summary>The sentence that gives the rows their scale: photos, size and the teacher's own edit size.</summary>
    public static string Scale(IReadOnlyList<ImageRow> rows)
    {
        var first = rows[0].Image;
        return $"Each intent's teacher and backend tool calls rendered on {first.Photos} sample photos at {first.Size} px (long side), mean CIEDE2000 ΔE between the two renders; a tool whose output failed to parse is not applied. Lower is better; about 2.3 is one just-noticeable difference. For scale, the teacher's edits themselves move the photos by ΔE {Formatting.Fmt.DeltaE(first.TeacherEdit)} on average. Spearman ρ ranks each intent's ΔE against its parameter score (the mean over tools of 1 when both leave a tool unused, 0 when only one uses it, else the spec's quality): negative when the offline score tracks what a user sees.";
    }
}
