using System.Collections.Immutable;

namespace Harness.Runs;

/// <summary>The scenario names (MLPerf's).</summary>
public static class ScenarioNames
{
    public const string SingleStream = "single-stream";
    public const string Offline = "offline";

    /// <summary>Open-loop Poisson arrivals at a target rate, judged against a tail latency bound (LoadGen's server).</summary>
    public const string Server = "server";

    /// <summary>The scenarios a config runs when it names none (the server scenario needs its own settings).</summary>
    public static ImmutableArray<string> All { get; } = [SingleStream, Offline];

    /// <summary>Every scenario a config may name.</summary>
    public static ImmutableArray<string> Known { get; } = [SingleStream, Offline, Server];
}
