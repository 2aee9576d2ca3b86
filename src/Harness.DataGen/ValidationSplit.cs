namespace Harness.DataGen;

/// <summary>
/// The validation split: the seeded tenth of the train split that the shipped students were not
/// trained on. tools/distill/data.py <c>split_heldout(rows, 0.1, seed=20241002)</c> shuffles the row
/// indices with Python's <c>random.Random(seed)</c> and holds out the first round(n × 0.1); this is
/// the same selection (<see cref="PythonRandom"/>), the rows kept in train order.
/// </summary>
public static class ValidationSplit
{
    /// <summary>The seed of tools/distill (its <c>--seed</c> default).</summary>
    public const int Seed = 20241002;

    /// <summary>The share of train rows held out (tools/distill's <c>--heldout-share</c> default).</summary>
    public const double Share = 0.1;

    /// <summary>The held-out indices of <paramref name="count"/> train rows, ascending.</summary>
    public static int[] Indices(int count)
    {
        var order = Enumerable.Range(0, count).ToList();
        new PythonRandom(Seed).Shuffle(order);
        // Python's round() is banker's rounding, as is Math.Round's default.
        var cut = (int)Math.Round(count * Share);
        return [.. order.Take(cut).Order()];
    }
}
