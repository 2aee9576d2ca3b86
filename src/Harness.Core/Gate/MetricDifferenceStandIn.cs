namespace Harness.Metrics;

// TEMPORARY until the core branch lands PairedBootstrap; removed at the merge.
public sealed record MetricDifference(string Subset, string Metric, double A, double B, double Difference, Interval Ci95);

public sealed record BootstrapOptions(int Resamples = 1000, int Seed = 42);
