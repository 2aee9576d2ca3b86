using System.Text.Json.Serialization;

namespace Harness.Json.Files;

/// <summary>
/// <c>metrics.json</c> (spec §6) as written: the spec's keys in its order, then the extras that let
/// a file read back whole (confusion counts per tool; calls, clamped and unknown keys in parse;
/// a sample count per latency block). Absent blocks are null. Every key is nullable so that a
/// reader can name a missing one.
/// </summary>
internal sealed class MetricsFileJson
{
    public string? Schema { get; set; }
    public RunJson? Run { get; set; }
    public Dictionary<string, SubsetJson>? Subsets { get; set; }
    public ParseJson? Parse { get; set; }
    public LatencyJson? LatencyMs { get; set; }
    public ThroughputJson? Throughput { get; set; }
    public CostJson? Cost { get; set; }

    /// <summary>Optional (docs/metrics-json.md): the image-space difference from the teacher's renders; absent when the config has no <c>image_metric</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImageJson? Image { get; set; }

    internal sealed class ImageJson
    {
        public int? Intents { get; set; }
        public int? Photos { get; set; }
        public int? SizePx { get; set; }
        public JsonNumber? MeanDeltaE { get; set; }
        public JsonNumber[]? MeanDeltaECi95 { get; set; }
        public JsonNumber? MedianDeltaE { get; set; }
        public JsonNumber? P90DeltaE { get; set; }
        [JsonPropertyName("share_within_2_3")]
        public JsonNumber? ShareWithinJnd { get; set; }
        [JsonPropertyName("share_within_2_3_ci95")]
        public JsonNumber[]? ShareWithinJndCi95 { get; set; }
        [JsonPropertyName("share_within_5")]
        public JsonNumber? ShareWithin5 { get; set; }
        [JsonPropertyName("share_within_5_ci95")]
        public JsonNumber[]? ShareWithin5Ci95 { get; set; }
        public JsonNumber? TeacherEditDeltaE { get; set; }
        public JsonNumber? SpearmanWithParameterScore { get; set; }
    }

    /// <summary>Optional (docs/metrics-json.md): the server scenario's verdict; absent in the other scenarios.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ServerJson? Server { get; set; }

    internal sealed class RunJson
    {
        public string? Id { get; set; }
        public string? Backend { get; set; }
        public string? Model { get; set; }
        public string? ModelSha256 { get; set; }

        /// <summary>Not in the spec's list: written only when the config declared it, so other files keep the spec's keys.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? ModelId { get; set; }

        public string? Dataset { get; set; }
        public string? DatasetSha256 { get; set; }
        public string? Scenario { get; set; }
        public string? Device { get; set; }
        public DateTimeOffset? StartedAt { get; set; }
        public string? HarnessVersion { get; set; }
    }

    internal sealed class SubsetJson
    {
        public int? N { get; set; }
        public ToolsJson? Tools { get; set; }
        public JsonNumber? Overall { get; set; }
        public JsonNumber[]? OverallCi95 { get; set; }

        /// <summary>Optional (docs/metrics-json.md): per tool, how the backend's not-used probabilities rank the rows; absent when it gave none.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public Dictionary<string, RankingJson>? Ranking { get; set; }
    }

    internal sealed class RankingJson
    {
        public int? N { get; set; }
        public int? Positives { get; set; }
        public int? Scored { get; set; }
        public JsonNumber? AveragePrecision { get; set; }
        public JsonNumber[]? AveragePrecisionCi95 { get; set; }
        public JsonNumber? RocAuc { get; set; }
        public JsonNumber[]? RocAucCi95 { get; set; }
        public PrPointJson[]? PrCurve { get; set; }
    }

    internal sealed class PrPointJson
    {
        public JsonNumber? Threshold { get; set; }
        public JsonNumber? Precision { get; set; }
        public JsonNumber? Recall { get; set; }
    }

    internal sealed class ToolsJson
    {
        public ToolJson? Adjust { get; set; }
        public ToolJson? SelectiveAdjust { get; set; }
        public FilterToolJson? Filter { get; set; }
    }

    internal class ToolJson
    {
        [JsonPropertyOrder(1)] public JsonNumber? Precision { get; set; }
        [JsonPropertyOrder(2)] public JsonNumber? Recall { get; set; }
        [JsonPropertyOrder(3)] public JsonNumber? SelectionF1 { get; set; }
        [JsonPropertyOrder(4)] public JsonNumber? Quality { get; set; }
        [JsonPropertyOrder(5)] public int? QualityN { get; set; }
        [JsonPropertyOrder(6)] public JsonNumber? Final { get; set; }
        [JsonPropertyOrder(7)] public JsonNumber[]? FinalCi95 { get; set; }
        [JsonPropertyOrder(9)] public int? Tp { get; set; }
        [JsonPropertyOrder(10)] public int? Fp { get; set; }
        [JsonPropertyOrder(11)] public int? Fn { get; set; }
        [JsonPropertyOrder(12)] public int? Tn { get; set; }
    }

    /// <summary>The filter's block carries <c>intensity_mae</c> (null when no row scored it) after the interval.</summary>
    internal sealed class FilterToolJson : ToolJson
    {
        [JsonPropertyOrder(8)] public JsonNumber? IntensityMae { get; set; }
    }

    internal sealed class ParseJson
    {
        public int? Failures { get; set; }
        public JsonNumber? Rate { get; set; }
        public Dictionary<string, int>? ByKind { get; set; }
        public Dictionary<string, int>? ByTool { get; set; }
        public int? Calls { get; set; }
        public int? Clamped { get; set; }
        public int? UnknownKeys { get; set; }
    }

    internal sealed class LatencyJson
    {
        public LatencyStatsJson? PerIntent { get; set; }
        public LatencyStatsJson? PerCall { get; set; }
    }

    internal sealed class LatencyStatsJson
    {
        public JsonNumber? P50 { get; set; }
        public JsonNumber? P90 { get; set; }
        public JsonNumber? P95 { get; set; }
        public JsonNumber? P99 { get; set; }
        public JsonNumber? Mean { get; set; }
        public JsonNumber? Max { get; set; }
        public int? Count { get; set; }
    }

    internal sealed class ThroughputJson
    {
        public JsonNumber? IntentsPerS { get; set; }
        public JsonNumber? OutputTokensPerS { get; set; }
    }

    internal sealed class CostJson
    {
        [JsonPropertyName("usd_per_1k_intents")]
        public JsonNumber? UsdPer1kIntents { get; set; }
        public string? Basis { get; set; }
    }

    /// <summary>The issue's six keys first (as LoadGen reports them), then what the report shows beside them.</summary>
    internal sealed class ServerJson
    {
        public JsonNumber? TargetQps { get; set; }
        public JsonNumber? AchievedQps { get; set; }
        public JsonNumber? LatencyBoundMs { get; set; }
        public JsonNumber? Percentile { get; set; }
        public bool? Valid { get; set; }
        public string? Reason { get; set; }
        public JsonNumber? OfferedQps { get; set; }
        public JsonNumber? PercentileMs { get; set; }

        [JsonPropertyName("p99_9_ms")]
        public JsonNumber? P999Ms { get; set; }

        public JsonNumber? OverBoundShare { get; set; }
        public int? Intents { get; set; }
        public JsonNumber? DurationS { get; set; }
        public JsonNumber? IssueLagP99Ms { get; set; }

        /// <summary>Calls at once; absent (read as 1) in files written before it existed.</summary>
        public int? Concurrency { get; set; }

        /// <summary>Absent in files written before it existed, and when there were no intents.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public JsonNumber[]? PercentileCi95Ms { get; set; }

        /// <summary>Only with find_peak.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public PeakJson? Peak { get; set; }
    }

    internal sealed class PeakJson
    {
        /// <summary>Null when no rate tried was VALID.</summary>
        public JsonNumber? CapacityQps { get; set; }

        [JsonPropertyName("usd_per_1k_intents_at_capacity")]
        public JsonNumber? UsdPer1kIntentsAtCapacity { get; set; }

        public ProbeJson[]? Probes { get; set; }
    }

    internal sealed class ProbeJson
    {
        public JsonNumber? TargetQps { get; set; }
        public JsonNumber? AchievedQps { get; set; }
        public JsonNumber? PercentileMs { get; set; }
        public bool? Valid { get; set; }

        /// <summary>Absent in files written before it existed, and when there were no intents.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public JsonNumber[]? PercentileCi95Ms { get; set; }
    }
}
