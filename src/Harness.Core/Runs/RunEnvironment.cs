using System.Text.Json;

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
    /// <summary>Writes the <c>environment</c> property (null when unknown), the same in every file.</summary>
    public static void WriteJson(Utf8JsonWriter json, RunEnvironment? environment)
    {
        if (environment is null)
        {
            json.WriteNull("environment");
            return;
        }
        json.WriteStartObject("environment");
        json.WriteString("os", environment.Os);
        json.WriteString("cpu", environment.Cpu);
        json.WriteNumber("cpu_cores", environment.CpuCores);
        json.WriteString("gpu", environment.Gpu);
        json.WriteString("dotnet", environment.DotnetVersion);
        json.WriteString("harness_version", environment.HarnessVersion);
        json.WriteString("git_commit", environment.GitCommit);
        json.WriteEndObject();
    }
}
