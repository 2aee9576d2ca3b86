namespace Harness.Running;

/// <summary>Where a run happened (run.json <c>environment</c>).</summary>
public sealed record RunEnvironment(
    string Os,
    string Cpu,
    int CpuCores,
    string? Gpu,
    string DotnetVersion,
    string HarnessVersion,
    string? GitCommit);
