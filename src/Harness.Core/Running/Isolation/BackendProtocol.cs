using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Backends;
using Harness.Tools;

namespace Harness.Running.Isolation;

/// <summary>
/// The line protocol between the harness and a child backend process (<c>harness backend-host</c>):
/// one JSON object per line on the child's standard input and output. Each protocol line starts
/// with <see cref="Marker"/>, so whatever else a plugin or its native library prints to standard
/// output is passed on as a log line instead of breaking the protocol.
/// <list type="bullet">
/// <item>harness → child: <c>create</c> (options, source, base_directory), <c>generate</c> (requests), <c>dispose</c>.</item>
/// <item>child → harness: <c>log</c> (text), <c>created</c> (info), <c>responses</c>, <c>failed</c> (error, user_error), <c>disposed</c>.</item>
/// </list>
/// </summary>
internal static class BackendProtocol
{
    /// <summary>Starts every protocol line (ASCII record separator and a tag).</summary>
    public const string Marker = "\u001eharness-backend ";

    public static string Encode(string type, JsonObject? body = null)
    {
        var message = body ?? [];
        message["type"] = type;
        return Marker + message.ToJsonString();
    }

    /// <summary>The message on <paramref name="line"/>, or null when the line is not a protocol line.</summary>
    public static JsonObject? Decode(string line)
    {
        if (!line.StartsWith(Marker, StringComparison.Ordinal)) return null;
        try
        {
            return JsonNode.Parse(line.AsSpan(Marker.Length).ToString()) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string TypeOf(JsonObject message) => (string?)message["type"] ?? "";

    public static JsonObject Requests(IReadOnlyList<ToolRequest> requests) => new()
    {
        ["requests"] = new JsonArray([.. requests.Select(r => (JsonNode)new JsonObject
        {
            ["intent_id"] = r.IntentId,
            ["intent"] = r.Intent,
            ["tool"] = r.Tool.WireName(),
            ["prompt"] = r.Prompt,
        })]),
    };

    public static List<ToolRequest> ReadRequests(JsonObject message) =>
        [.. message["requests"]!.AsArray().Select(n =>
        {
            if (!ToolSchema.TryParse((string?)n!["tool"], out var tool))
                throw new InvalidOperationException($"protocol: unknown tool '{(string?)n["tool"]}'");
            return new ToolRequest((string)n["intent_id"]!, (string)n["intent"]!, tool, (string)n["prompt"]!);
        })];

    public static JsonObject Responses(IReadOnlyList<ToolResponse?> responses) => new()
    {
        ["responses"] = new JsonArray([.. responses.Select(r => r is null ? null : (JsonNode)new JsonObject
        {
            ["text"] = r.Text,
            ["input_tokens"] = r.InputTokens,
            ["output_tokens"] = r.OutputTokens,
            ["error"] = r.Error,
            ["not_used_probability"] = Probability(r.NotUsedProbability),
        })]),
    };

    // JSON has no NaN or infinity; the child sends them as text so the parent can fail the call with the value it got.
    private static JsonNode? Probability(double? p) =>
        p is not { } value ? null : double.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(value.ToString(CultureInfo.InvariantCulture));

    private static double? Probability(JsonNode? node) =>
        node is null ? null
        : node.GetValueKind() == JsonValueKind.String ? double.Parse((string)node!, NumberStyles.Float, CultureInfo.InvariantCulture)
        : (double)node;

    public static List<ToolResponse> ReadResponses(JsonObject message) =>
        [.. message["responses"]!.AsArray().Select(n => n is null
            ? null!
            : new ToolResponse((string?)n["text"], (int?)n["input_tokens"] ?? 0, (int?)n["output_tokens"] ?? 0, (string?)n["error"],
                Probability(n["not_used_probability"])))];

    public static JsonObject Info(BackendInfo info) => new()
    {
        ["info"] = new JsonObject
        {
            ["name"] = info.Name,
            ["model"] = info.Model,
            ["model_sha256"] = info.ModelSha256,
            ["device"] = info.Device,
            ["supports_batching"] = info.SupportsBatching,
        },
    };

    public static BackendInfo ReadInfo(JsonObject message)
    {
        var info = message["info"]!.AsObject();
        return new BackendInfo((string)info["name"]!, (string)info["model"]!, (string?)info["model_sha256"], (string)info["device"]!, (bool)info["supports_batching"]!);
    }
}
