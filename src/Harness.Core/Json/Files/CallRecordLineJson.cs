using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Json.Files;

/// <summary>One line of <c>predictions.jsonl</c> as written. <c>raw</c> and <c>error</c> keep the backend's text exactly (<see cref="ExactStringConverter"/>).</summary>
internal sealed class CallRecordLineJson
{
    public string? Id { get; set; }
    public string? Tool { get; set; }
    public string? Scenario { get; set; }

    [JsonConverter(typeof(ExactStringConverter))]
    public string? Raw { get; set; }

    public ParsedJson? Parsed { get; set; }
    public JsonNumber? LatencyMs { get; set; }
    public int? InputTokens { get; set; }
    public int? OutputTokens { get; set; }

    [JsonConverter(typeof(ExactStringConverter))]
    public string? Error { get; set; }

    public bool? Warmup { get; set; }

    /// <summary>Written only when the backend gave one, so the lines of a backend that gives none keep their bytes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonNumber? NotUsedProbability { get; set; }

    internal sealed class ParsedJson
    {
        public bool Used { get; set; }

        /// <summary>The tool's canonical JSON (its shape depends on the tool, so it is read with it).</summary>
        public JsonElement? Setting { get; set; }

        public string? Failure { get; set; }
        public string? Detail { get; set; }
        public int? Clamped { get; set; }
        public int? UnknownKeys { get; set; }
    }
}

/// <summary>One line of an augmentation-candidates file; <c>expected</c> and <c>produced</c> are canonical settings.</summary>
internal sealed class AugmentationCandidateLineJson
{
    public string? Id { get; set; }
    public string? Intent { get; set; }
    public string? Tool { get; set; }
    public string? Reason { get; set; }
    public JsonNumber? Cosine { get; set; }
    public JsonElement Expected { get; set; }
    public JsonElement Produced { get; set; }
}

/// <summary>A string written and read exactly, a lone UTF-16 surrogate as its JSON escape (<see cref="JsonStrings"/>).</summary>
internal sealed class ExactStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return JsonStrings.GetExact(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) =>
        JsonStrings.WriteExactValue(writer, value);
}
