namespace Harness.DataGen;

/// <summary>
/// Marks exactly <c>count</c> rows as using a tool: the rows whose propensity plus a little
/// seeded noise ranks highest. Counts are exact and usage still follows the concepts.
/// </summary>
internal static class UsageAllocator
{
    /// <summary>The standard deviation of the noise added to each row's propensity before ranking.</summary>
    public const double Noise = 0.15;

    public static bool[] TopK(IReadOnlyList<double> propensity, int count, SplitMix64 rng, double noise = Noise) =>
        Allocate(propensity, count, rng, noise).Used;

    /// <summary>
    /// The rows marked used, and the threshold the allocation implies: midway between the lowest
    /// noisy propensity marked used and the highest not (±∞ when all or none are used).
    /// </summary>
    public static (bool[] Used, double Threshold) Allocate(IReadOnlyList<double> propensity, int count, SplitMix64 rng, double noise = Noise)
    {
        if (count < 0 || count > propensity.Count)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Must be between 0 and {propensity.Count}.");
        var score = new double[propensity.Count];
        for (var i = 0; i < score.Length; i++) score[i] = propensity[i] + noise * rng.NextGaussian();
        // Ties broken by row index, so the order never depends on the sort algorithm.
        var order = Enumerable.Range(0, score.Length).OrderByDescending(i => score[i]).ThenBy(i => i).ToArray();
        var used = new bool[score.Length];
        for (var k = 0; k < count; k++) used[order[k]] = true;
        var threshold = count == 0 ? double.PositiveInfinity
            : count == score.Length ? double.NegativeInfinity
            : (score[order[count - 1]] + score[order[count]]) / 2;
        return (used, threshold);
    }
}
