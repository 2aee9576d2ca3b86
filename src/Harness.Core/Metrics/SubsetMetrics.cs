using System.Collections.Immutable;
using Harness.Metrics.Ranking;
using Harness.Tools;

namespace Harness.Metrics;

/// <summary>Scores over one subset of rows: <c>all</c>, <c>r3</c> (repeats ≥ 3) or <c>r5</c> (repeats ≥ 5).</summary>
/// <param name="Name">The subset name.</param>
/// <param name="N">Rows in the subset.</param>
/// <param name="Tools">Per-tool scores, in canonical tool order.</param>
/// <param name="Overall">$\frac{1}{3}(final_{adjust} + final_{selective\_adjust} + final_{filter})$, the arithmetic mean of the three tools' finals, in [0, 1]. Higher is better.</param>
/// <param name="OverallCi95">95% percentile bootstrap interval of <paramref name="Overall"/> over rows (seeded, 1,000 resamples by default); null for an empty subset.</param>
/// <param name="Rankings">
/// Per tool, how well the backend's not-used probabilities rank the rows (precision–recall curve,
/// average precision, ROC AUC), in canonical tool order, for the tools it gave a probability for;
/// empty (default) when it gave none.
/// </param>
public sealed record SubsetMetrics(
    string Name,
    int N,
    ImmutableArray<ToolMetrics> Tools,
    double Overall,
    Interval? OverallCi95,
    ImmutableArray<ToolRanking> Rankings = default)
{
    public ToolMetrics this[ToolName tool] => Tools.First(t => t.Tool == tool);

    /// <summary>The ranking of <paramref name="tool"/>, or null when the backend gave no probability for it.</summary>
    public ToolRanking? RankingOf(ToolName tool) => Rankings.IsDefault ? null : Rankings.FirstOrDefault(r => r.Tool == tool);

    /// <summary>Value equality, tools and rankings compared element by element.</summary>
    public bool Equals(SubsetMetrics? other) =>
        other is not null && Name == other.Name && N == other.N && Tools.SequenceEqual(other.Tools)
        && Overall.Equals(other.Overall) && Equals(OverallCi95, other.OverallCi95)
        && (Rankings.IsDefault ? [] : Rankings).SequenceEqual(other.Rankings.IsDefault ? [] : other.Rankings, RankingComparer);

    private static readonly IEqualityComparer<ToolRanking> RankingComparer = EqualityComparer<ToolRanking>.Create(
        (a, b) => a == b || (a is not null && b is not null && a with { Curve = [] } == b with { Curve = [] } && a.Curve.SequenceEqual(b.Curve)),
        r => r.Tool.GetHashCode());

    public override int GetHashCode() => HashCode.Combine(Name, N, Overall);
}
