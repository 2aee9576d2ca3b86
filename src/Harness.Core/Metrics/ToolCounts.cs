namespace Harness.Metrics;

/// <summary>Running confusion counts and quality sum of one tool over a set of rows.</summary>
internal struct ToolCounts
{
    public int TruePositives;
    public int FalsePositives;
    public int FalseNegatives;
    public int TrueNegatives;
    public double QualitySum;
    public double IntensityErrorSum;

    public readonly double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    public readonly double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public readonly double SelectionF1 => Formulas.HarmonicMean(Precision, Recall);

    public readonly double Quality => Ratio(QualitySum, TruePositives);

    public readonly double Final => Formulas.Final(SelectionF1, Quality);

    private static double Ratio(double numerator, int denominator) => denominator == 0 ? 0 : numerator / denominator;
}
