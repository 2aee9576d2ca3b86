using Harness.Tools;

namespace Harness.Metrics.Ranking;

/// <summary>
/// How well a backend's confidence ranks one tool's rows of one subset: the score of row i is
/// $s_i = 1 - p_i$ with $p_i$ the call's not-used probability, the label whether the teacher used
/// the tool. A row whose call gave no probability (a failed call) scores 0, as the greedy rule
/// counts it not used.
/// </summary>
/// <param name="Tool">The tool.</param>
/// <param name="N">Rows ranked.</param>
/// <param name="Positives">Rows where the teacher used the tool.</param>
/// <param name="Scored">Rows whose call gave a probability (the rest score 0).</param>
/// <param name="AveragePrecision">
/// $AP = \sum_k (R_k - R_{k-1}) P_k$ over the distinct scores in descending order, $R_0 = 0$ (the step
/// sum, without interpolation: scikit-learn's <c>average_precision_score</c>). Higher is better;
/// the share of positives is what a random ranking gets. Null when no row is positive.
/// </param>
/// <param name="AveragePrecisionCi95">95% percentile bootstrap interval of <paramref name="AveragePrecision"/> over rows (resamples where it is undefined left out); null when undefined.</param>
/// <param name="RocAuc">
/// $AUC = \frac{1}{|pos||neg|} \sum_{i \in pos} \sum_{j \in neg} ([s_i > s_j] + \frac{1}{2}[s_i = s_j])$: the chance that a
/// random positive outscores a random negative, ties counting half. Higher is better, 0.5 is chance.
/// Null when either class is empty.
/// </param>
/// <param name="RocAucCi95">95% percentile bootstrap interval of <paramref name="RocAuc"/> over rows; null when undefined.</param>
/// <param name="Curve">The precision–recall curve: one point per distinct score, highest first.</param>
public sealed record ToolRanking(
    ToolName Tool,
    int N,
    int Positives,
    int Scored,
    double? AveragePrecision,
    Interval? AveragePrecisionCi95,
    double? RocAuc,
    Interval? RocAucCi95,
    IReadOnlyList<PrPoint> Curve);
