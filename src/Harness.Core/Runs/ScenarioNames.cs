using System.Collections.Immutable;

namespace Harness.Runs;

/// <summary>The scenario names (MLPerf's).</summary>
public static class ScenarioNames
{
    public const string SingleStream = "single-stream";
    public const string Offline = "offline";

    public static ImmutableArray<string> All { get; } = [SingleStream, Offline];
}
