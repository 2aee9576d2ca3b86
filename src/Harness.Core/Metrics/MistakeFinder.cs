using System.Globalization;
using Harness.Datasets;
using Harness.Parsing;
using Harness.Tools;

namespace Harness.Metrics;

/// <summary>
/// Finds the paper's augmentation candidates (spec §4) among the rows where both the teacher
/// and the student used a tool: for filter, a wrong name; for adjust and selective_adjust, a
/// cosine below that tool's mean cosine over the run (the mean over all such rows). Selection
/// errors (a tool used by only one side) are not candidates: there is no pair of settings to compare.
/// </summary>
public static class MistakeFinder
{
    // Rounding noise must not make a row that equals the mean look below it.
    private const double Tolerance = 1e-9;

    /// <summary>Candidates in dataset row order, tools in canonical order within a row.</summary>
    public static IReadOnlyList<AugmentationCandidate> Find(IReadOnlyList<DatasetRow> rows, IReadOnlyDictionary<string, RowPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(predictions);
        var pairs = rows
            .Select(row => (Row: row, Prediction: predictions.TryGetValue(row.Id, out var p) ? p : null))
            .ToList();
        var means = new Dictionary<ToolName, double>();
        foreach (var tool in new[] { ToolName.Adjust, ToolName.SelectiveAdjust })
        {
            var cosines = pairs.Select(p => CosineOf(p.Row, p.Prediction, tool)).OfType<double>().ToList();
            means[tool] = cosines.Count == 0 ? 0 : cosines.Average();
        }
        var candidates = new List<AugmentationCandidate>();
        foreach (var (row, prediction) in pairs)
        {
            foreach (var tool in ToolSchema.All)
            {
                var expected = row.TeacherFor(tool);
                var produced = prediction?.For(tool)?.Setting;
                if (expected is null || produced is null) continue;
                if (expected is FilterSetting e && produced is FilterSetting p)
                {
                    if (Similarity.FilterAccuracy(e, p) < 1)
                        candidates.Add(Candidate(row, tool, $"filter '{p.Name}' instead of '{e.Name}'", null, expected, produced));
                    continue;
                }
                var cosine = Similarity.Quality(expected, produced);
                if (cosine < means[tool] - Tolerance)
                {
                    var reason = string.Create(CultureInfo.InvariantCulture, $"cosine {cosine:0.000} below the run's mean {means[tool]:0.000}");
                    candidates.Add(Candidate(row, tool, reason, cosine, expected, produced));
                }
            }
        }
        return candidates;
    }

    private static double? CosineOf(DatasetRow row, RowPrediction? prediction, ToolName tool)
    {
        var expected = row.TeacherFor(tool);
        var produced = prediction?.For(tool)?.Setting;
        return expected is null || produced is null ? null : Similarity.Quality(expected, produced);
    }

    private static AugmentationCandidate Candidate(DatasetRow row, ToolName tool, string reason, double? cosine, ToolSetting expected, ToolSetting produced) =>
        new(row.Id, row.Intent, tool, reason, cosine, ToolSettingJson.ToJson(expected), ToolSettingJson.ToJson(produced));
}
