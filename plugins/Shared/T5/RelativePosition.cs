namespace Harness.Plugins.Shared.T5;

/// <summary>T5's relative position buckets: exact for short distances, logarithmic up to the maximum distance.</summary>
internal static class RelativePosition
{
    /// <summary>The bucket of <paramref name="relative"/> = key position - query position.</summary>
    public static int Bucket(int relative, bool bidirectional, int numBuckets, int maxDistance)
    {
        var bucket = 0;
        if (bidirectional)
        {
            numBuckets /= 2;
            if (relative > 0) bucket += numBuckets;
            relative = Math.Abs(relative);
        }
        else
        {
            relative = -Math.Min(relative, 0);
        }
        var maxExact = numBuckets / 2;
        if (relative < maxExact) return bucket + relative;
        // Single precision, as PyTorch computes it, so boundary distances fall in the same bucket.
        var scaled = MathF.Log(relative / (float)maxExact) / (float)Math.Log(maxDistance / (double)maxExact) * (numBuckets - maxExact);
        return bucket + Math.Min(maxExact + (int)scaled, numBuckets - 1);
    }

    /// <summary>bias[head, key] for one query position against keys 0..keyCount-1, from the [buckets, heads] table.</summary>
    public static float[] Bias(float[] table, int heads, int query, int keyCount, bool bidirectional, int numBuckets, int maxDistance)
    {
        var bias = new float[heads * keyCount];
        for (var key = 0; key < keyCount; key++)
        {
            var bucket = Bucket(key - query, bidirectional, numBuckets, maxDistance);
            for (var h = 0; h < heads; h++) bias[h * keyCount + key] = table[bucket * heads + h];
        }
        return bias;
    }
}
