using Harness.Tools;

namespace Harness.Metrics;

/// <summary>The scores of one tool over one subset (spec §4). Higher is better for all scores.</summary>
public sealed record ToolMetrics(
    ToolName Tool,
    int TruePositives,
    int FalsePositives,
    int FalseNegatives,
    int TrueNegatives,
    double Precision,
    double Recall,
    double SelectionF1,
    double Quality,
    int QualityN,
    double Final,
    Interval? FinalCi95,
    double? IntensityMae)
{
    // Precision = TP / (TP + FP), 0 when TP + FP = 0.
    // Recall = TP / (TP + FN), 0 when TP + FN = 0.
    // SelectionF1 = 2PR / (P + R), 0 when P + R = 0.
    // Quality = mean over TP rows of cosine (adjust, selective_adjust) or name accuracy (filter); 0 when QualityN = 0.
    // Final = 2 * SelectionF1 * Quality / (SelectionF1 + Quality), 0 when both are 0.
    // IntensityMae = mean |predicted - expected| filter intensity over TP rows (filter only; lower is better).
}
