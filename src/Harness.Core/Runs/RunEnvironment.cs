using Harness.Json.Files;

namespace Harness.Runs;

/// <summary>Where a run happened (run.json and summary.json <c>environment</c>).</summary>
public sealed record RunEnvironment(
    string Os,
    string Cpu,
    int CpuCores,
    string? Gpu,
    string DotnetVersion,
    string HarnessVersion,
    string? GitCommit)
{
    /// <summary>The <c>environment</c> object of run.json and summary.json, the same in every file.</summary>
    internal EnvironmentJson ToJson() => new()
    {
        Os = Os, Cpu = Cpu, CpuCores = CpuCores, Gpu = Gpu, Dotnet = DotnetVersion, HarnessVersion = HarnessVersion, GitCommit = GitCommit,
    };

    internal static RunEnvironment FromJson(EnvironmentJson json) =>
        new(json.Os ?? "", json.Cpu ?? "", json.CpuCores ?? 0, json.Gpu, json.Dotnet ?? "", json.HarnessVersion ?? "", json.GitCommit);
}
