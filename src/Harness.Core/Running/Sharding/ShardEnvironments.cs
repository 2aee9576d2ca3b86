using Harness.Runs;

namespace Harness.Running.Sharding;

/// <summary>
/// The one environment a merged run's reports show: where every shard ran the same, that; where
/// they differ, each text field lists the distinct values (<c>A | B</c>) and the core count is the
/// largest. run.json's <c>shards</c> keeps each shard's own environment.
/// </summary>
internal static class ShardEnvironments
{
    public static RunEnvironment? Combine(IEnumerable<RunEnvironment?> environments)
    {
        var known = environments.OfType<RunEnvironment>().ToList();
        if (known.Count == 0) return null;
        static string? Join(IEnumerable<string?> values)
        {
            var distinct = values.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            return distinct.Count == 0 ? null : string.Join(" | ", distinct);
        }
        return new RunEnvironment(
            Join(known.Select(e => e.Os))!,
            Join(known.Select(e => e.Cpu))!,
            known.Max(e => e.CpuCores),
            Join(known.Select(e => e.Gpu)),
            Join(known.Select(e => e.DotnetVersion))!,
            Join(known.Select(e => e.HarnessVersion))!,
            Join(known.Select(e => e.GitCommit)));
    }
}
