namespace Harness.Metrics;

/// <summary>The difference of one metric between two prediction sets on the same rows (paired bootstrap).</summary>
/// <param name="Subset"><c>all</c>, <c>r3</c> or <c>r5</c>.</param>
/// <param name="Metric"><c>adjust.final</c>, <c>selective_adjust.final</c>, <c>filter.final</c> or <c>overall</c>.</param>
/// <param name="A">The metric for prediction set A.</param>
/// <param name="B">The metric for prediction set B.</param>
/// <param name="Difference">B − A, in [-1, 1] (both are finals or overalls, in [0, 1]): positive when B is better.</param>
/// <param name="Ci95">95% paired percentile bootstrap interval of the difference; [0, 0] for an empty subset.
/// An interval that excludes 0 means the difference is unlikely to be resampling noise.</param>
public sealed record MetricDifference(string Subset, string Metric, double A, double B, double Difference, Interval Ci95);
