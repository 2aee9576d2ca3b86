using Harness.Tools;

namespace Harness.Metrics;

/// <summary>The scores of one tool over one subset (spec §4). Higher is better for every score except <see cref="IntensityMae"/>.</summary>
/// <param name="Tool">The tool.</param>
/// <param name="TruePositives">TP: rows where the teacher and the student both used the tool.</param>
/// <param name="FalsePositives">FP: rows where only the student used it.</param>
/// <param name="FalseNegatives">FN: rows where only the teacher used it.</param>
/// <param name="TrueNegatives">TN: rows where neither used it.</param>
/// <param name="Precision">$P = \frac{TP}{TP + FP}$, 0 when TP + FP = 0. Higher is better.</param>
/// <param name="Recall">$R = \frac{TP}{TP + FN}$, 0 when TP + FN = 0. Higher is better.</param>
/// <param name="SelectionF1">$F_1 = \frac{2PR}{P + R}$, 0 when P + R = 0. Higher is better.</param>
/// <param name="Quality">$Q = \frac{1}{|TP|} \sum_{i \in TP} q_i$ with $q_i$ the cosine of the canonical vectors
/// (adjust, selective_adjust; 1 when both are all zero, 0 when exactly one is) or the name accuracy (filter);
/// 0 when there are no TP rows. Reported as measured: a cosine in [-1, 1], so negative for a model
/// that inverts the settings. Higher is better.</param>
/// <param name="QualityN">How many rows <paramref name="Quality"/> averages over (= TP).</param>
/// <param name="Final">$\frac{2 F_1 Q^+}{F_1 + Q^+}$ with $Q^+ = \max(Q, 0)$, 0 when both are 0 (<see cref="Formulas.Final"/>):
/// in [0, 1], and 0 for a model whose mean cosine is negative. Higher is better.</param>
/// <param name="FinalCi95">95% percentile bootstrap interval of <paramref name="Final"/> over rows; null for an empty subset.</param>
/// <param name="IntensityMae">Filter only: $\frac{1}{|TP|} \sum_{i \in TP} |\hat{s}_i - s_i|$ of the intensities;
/// null for other tools and when there are no TP rows. Lower is better.</param>
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
    double? IntensityMae);
