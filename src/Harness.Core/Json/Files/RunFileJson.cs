using System.Text.Json.Serialization;

namespace Harness.Json.Files;

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
    public RunConfigJson? Config { get; set; }
    public RunDatasetJson? Dataset { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EnvironmentJson? Environment { get; set; }

    public string? Floor { get; set; }
    public string? Ceiling { get; set; }
    public string? Teacher { get; set; }
    public Dictionary<string, RunBackendJson>? Backends { get; set; }

    internal sealed class RunConfigJson
    {
        public string? Path { get; set; }
        public string? Sha256 { get; set; }
        public string? Text { get; set; }
    }

    internal sealed class RunDatasetJson
    {
        public string? Path { get; set; }
        public string? Sha256 { get; set; }
        public int? Rows { get; set; }
    }

    internal sealed class RunBackendJson
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
}
