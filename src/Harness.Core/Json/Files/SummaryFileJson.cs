using System.Text.Json.Serialization;

namespace Harness.Json.Files;

/// <summary><c>summary.json</c> (schema <c>harness.summary/v1</c>): the whole run in one small file. Numbers rounded to 6 decimals.</summary>
internal sealed class SummaryFileJson
{
    public string? Schema { get; set; }
    public string? RunId { get; set; }
    public SummaryDatasetJson? Dataset { get; set; }
    public EnvironmentJson? Environment { get; set; }
    public List<SummaryResultJson>? Results { get; set; }

    internal sealed class SummaryDatasetJson
    {
        public string? Name { get; set; }
        public string? Sha256 { get; set; }
        public int Rows { get; set; }
    }

    internal sealed class SummaryResultJson
    {
        public string? Label { get; set; }
        public string? Backend { get; set; }
        public string? Model { get; set; }
        public string? ModelId { get; set; }
        public string? Scenario { get; set; }
        public bool Baseline { get; set; }
        public string? Error { get; set; }
        public string? Metrics { get; set; }
        public JsonNumber Overall { get; set; }
        public JsonNumber[]? OverallCi95 { get; set; }
        public Dictionary<string, SummarySubsetJson>? Subsets { get; set; }
        public SummaryLatencyP95Json? LatencyP95Ms { get; set; }
        public SummaryThroughputJson? Throughput { get; set; }
        public SummaryCostJson? Cost { get; set; }
        public JsonNumber ParseFailureRate { get; set; }

        /// <summary>Only on a server result with find_peak: its capacity at the bound and the cost there (the answer table's two columns).</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public SummaryCapacityJson? Capacity { get; set; }
    }

    internal sealed class SummaryCapacityJson
    {
        public JsonNumber LatencyBoundMs { get; set; }
        public JsonNumber Percentile { get; set; }

        /// <summary>Null when no rate tried was VALID.</summary>
        public JsonNumber? Qps { get; set; }

        /// <summary>Whether an INVALID probe above bounds the capacity (false: only a lower bound).</summary>
        public bool Bracketed { get; set; }

        [JsonPropertyName("usd_per_1k_intents")]
        public JsonNumber? UsdPer1kIntents { get; set; }
    }

    internal sealed class SummarySubsetJson
    {
        public int N { get; set; }
        public JsonNumber Overall { get; set; }
        public JsonNumber[]? OverallCi95 { get; set; }
        public Dictionary<string, JsonNumber>? Finals { get; set; }
    }

    internal sealed class SummaryLatencyP95Json
    {
        public JsonNumber PerIntent { get; set; }
        public JsonNumber PerCall { get; set; }
    }

    internal sealed class SummaryThroughputJson
    {
        public JsonNumber IntentsPerS { get; set; }
        public JsonNumber OutputTokensPerS { get; set; }
    }

    internal sealed class SummaryCostJson
    {
        [JsonPropertyName("usd_per_1k_intents")]
        public JsonNumber UsdPer1kIntents { get; set; }
        public string? Basis { get; set; }
    }
}
