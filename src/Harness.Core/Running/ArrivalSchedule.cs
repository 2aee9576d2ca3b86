namespace Harness.Running;

/// <summary>When the server scenario's intents arrive: a Poisson process, as MLPerf LoadGen's server mode.</summary>
internal static class ArrivalSchedule
{
    /// <summary>
    /// <paramref name="count"/> arrival times in seconds from the start, ascending: the sums of
    /// exponential gaps of mean 1/<paramref name="qps"/> (−ln(1 − U)/qps) drawn from
    /// <c>System.Random(<paramref name="seed"/>)</c>, so the same seed gives the same schedule.
    /// </summary>
    public static double[] Poisson(double qps, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qps);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var times = new double[count];
        var t = 0.0;
        for (var i = 0; i < count; i++)
        {
            t += -Math.Log(1 - random.NextDouble()) / qps;
            times[i] = t;
        }
        return times;
    }
}
