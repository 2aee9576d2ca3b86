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

    /// <summary>Which share of the rows a sharded run ran (<c>--shard i/n</c>); absent for a whole run.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RunShardJson? Shard { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EnvironmentJson? Environment { get; set; }

    public string? Floor { get; set; }
    public string? Ceiling { get; set; }
    public string? Teacher { get; set; }
    public Dictionary<string, RunBackendJson>? Backends { get; set; }

    /// <summary>A run merged from shards: each shard's folder, start and environment; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<RunShardPartJson>? Shards { get; set; }

    internal sealed class RunShardJson
    {
        public int? Index { get; set; }
        public int? Count { get; set; }
    }

    internal sealed class RunShardPartJson
    {
        public int? Index { get; set; }
        public string? Folder { get; set; }
        public string? StartedAt { get; set; }
        public EnvironmentJson? Environment { get; set; }
    }

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

        /// <summary>Whether the backend batches an intent's calls (single-stream intent latency is then the batch's time); absent in older files.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? Batching { get; set; }
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
