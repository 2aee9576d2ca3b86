using System.Text.Json.Serialization;

namespace Harness.Runs.Files;

/// <summary>
/// <c>run.json</c> as written: snake_case keys in this order. Every key is optional on reading,
/// so a run folder written by an older harness (or by hand, for a report) still reads.
/// </summary>
internal sealed class RunFileJson
{
    public string? Schema { get; set; }
    public string? Id { get; set; }
    public string? StartedAt { get; set; }
    public string? HarnessVersion { get; set; }
    public ConfigJson? Config { get; set; }
    public DatasetJson? Dataset { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EnvironmentJson? Environment { get; set; }

    public string? Floor { get; set; }
    public string? Ceiling { get; set; }
    public Dictionary<string, BackendJson>? Backends { get; set; }

    internal sealed class ConfigJson
    {
        public string? Path { get; set; }
        public string? Sha256 { get; set; }
        public string? Text { get; set; }
    }

    internal sealed class DatasetJson
    {
        public string? Path { get; set; }
        public string? Sha256 { get; set; }
        public int? Rows { get; set; }
    }

    internal sealed class BackendJson
    {
        public string? Plugin { get; set; }
        public string? Model { get; set; }
        public string? ModelSha256 { get; set; }
        public string? Device { get; set; }
        public string? Error { get; set; }
        public string? PluginVersion { get; set; }
    }
}

/// <summary>The <c>environment</c> object of run.json and summary.json.</summary>
internal sealed class EnvironmentJson
{
    public string? Os { get; set; }
    public string? Cpu { get; set; }
    public int? CpuCores { get; set; }
    public string? Gpu { get; set; }
    public string? Dotnet { get; set; }
    public string? HarnessVersion { get; set; }
    public string? GitCommit { get; set; }

    public static EnvironmentJson From(RunEnvironment e) => new()
    {
        Os = e.Os, Cpu = e.Cpu, CpuCores = e.CpuCores, Gpu = e.Gpu, Dotnet = e.DotnetVersion, HarnessVersion = e.HarnessVersion, GitCommit = e.GitCommit,
    };

    public RunEnvironment ToEnvironment() => new(Os ?? "", Cpu ?? "", CpuCores ?? 0, Gpu, Dotnet ?? "", HarnessVersion ?? "", GitCommit);
}
