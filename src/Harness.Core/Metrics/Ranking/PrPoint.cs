namespace Harness.Metrics.Ranking;

/// <summary>One point of a precision–recall curve: every row whose "used" score is at least <paramref name="Threshold"/> is called used.</summary>
/// <param name="Threshold">The score cut; a row with score ≥ it counts as predicted used.</param>
/// <param name="Precision">$\frac{TP}{TP + FP}$ at that cut.</param>
/// <param name="Recall">$\frac{TP}{TP + FN}$ at that cut.</param>
public sealed record PrPoint(double Threshold, double Precision, double Recall);
