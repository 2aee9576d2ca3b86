namespace Harness.DataGen;

/// <summary>
/// A tiny explicit PRNG (SplitMix64, Steele et al. 2014). The generator uses it instead of
/// <see cref="Random"/> so that the shipped data never changes with the runtime version.
/// Only integer arithmetic, additions and one division feed the outputs, so results are
/// the same on every platform.
/// </summary>
internal sealed class SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>A generator for an independent named stream derived from a seed.</summary>
    public static SplitMix64 ForStream(long seed, string stream)
    {
        // FNV-1a over the stream name: stable, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var c in stream)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        var mixer = new SplitMix64(unchecked((ulong)seed) ^ hash);
        return new SplitMix64(mixer.NextUInt64());
    }

    public ulong NextUInt64()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Approximately standard normal (Irwin–Hall: twelve uniforms minus six), no transcendental functions.</summary>
    public double NextGaussian()
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++) sum += NextDouble();
        return sum - 6.0;
    }

    /// <summary>One element, uniformly.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[NextInt(items.Count)];

    /// <summary>Shuffles a list in place (Fisher–Yates).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
