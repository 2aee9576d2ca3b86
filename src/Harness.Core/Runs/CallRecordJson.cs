using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Harness.Json;
using Harness.Parsing;
using Harness.Tools;

namespace Harness.Runs;

/// <summary>
/// One <see cref="CallRecord"/> as one line of <c>predictions.jsonl</c>:
/// <code>
/// {"id":..,"tool":"adjust","scenario":..,"raw":..,
///  "parsed":{"used":true,"setting":{..canonical..}|null,"failure":"invalid_json"|null,"detail":..,"clamped":0,"unknown_keys":0},
///  "latency_ms":..|null,"input_tokens":..,"output_tokens":..,"error":..|null,"warmup":false}
/// </code>
/// <c>raw</c> and <c>error</c> are the backend's text exactly: a lone UTF-16 surrogate in them is
/// written as its JSON escape (<c>\ud800</c>) and read back as the same surrogate, not replaced.
/// </summary>
public static class CallRecordJson
{
    /// <summary>The record as one line of JSON (no newline).</summary>
    public static string Serialize(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("id", record.IntentId);
            w.WriteString("tool", record.Tool.WireName());
            w.WriteString("scenario", record.Scenario);
            JsonStrings.WriteExact(w, "raw", record.Raw);
            w.WriteStartObject("parsed");
            var parsed = record.Parsed;
            w.WriteBoolean("used", parsed.Used);
            w.WritePropertyName("setting");
            if (parsed.Setting is null) w.WriteNullValue();
            else ToolSettingJson.Write(w, parsed.Setting);
            w.WriteString("failure", parsed.Failure?.WireName());
            w.WriteString("detail", parsed.FailureDetail);
            w.WriteNumber("clamped", parsed.ClampedCount);
            w.WriteNumber("unknown_keys", parsed.UnknownKeyCount);
            w.WriteEndObject();
            if (record.LatencyMs is { } latency) w.WriteNumber("latency_ms", latency);
            else w.WriteNull("latency_ms");
            w.WriteNumber("input_tokens", record.InputTokens);
            w.WriteNumber("output_tokens", record.OutputTokens);
            JsonStrings.WriteExact(w, "error", record.Error);
            w.WriteBoolean("warmup", record.Warmup);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads one line written by <see cref="Serialize"/>.</summary>
    /// <exception cref="FormatException">The line is not a call record; the message says which key.</exception>
    public static CallRecord Deserialize(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not valid JSON ({JsonErrors.FirstSentence(ex)})", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    /// <summary>Reads every record of a predictions.jsonl file; blank lines are skipped.</summary>
    /// <exception cref="InputException">The file is missing or a line is bad; the message is <c>FILE:LINE: what is wrong</c>.</exception>
    public static ImmutableArray<CallRecord> ReadAll(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: predictions file not found.");
        var records = ImmutableArray.CreateBuilder<CallRecord>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                records.Add(Deserialize(line));
            }
            catch (FormatException ex)
            {
                throw new InputException($"{path}:{lineNumber}: {ex.Message}", ex);
            }
        }
        return records.ToImmutable();
    }

    /// <summary>Writes records as JSON lines, replacing the file.</summary>
    public static void WriteAll(string path, IEnumerable<CallRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        AtomicFile.WriteAllText(path, string.Concat(records.Select(r => Serialize(r) + "\n")));
    }

    private static CallRecord Read(JsonElement root)
    {
        var toolName = Text(root, "tool");
        if (!ToolSchema.TryParse(toolName, out var tool)) throw new FormatException($"tool: unknown tool '{toolName}'");
        var parsed = Get(root, "parsed");
        ParseFailureKind? failure = null;
        var failureName = Get(parsed, "failure").GetString();
        if (failureName is not null)
        {
            if (!ParseFailureKinds.TryParse(failureName, out var kind)) throw new FormatException($"parsed.failure: unknown kind '{failureName}'");
            failure = kind;
        }
        var setting = ToolSettingJson.Read(tool, Get(parsed, "setting"));
        var latency = Get(root, "latency_ms");
        return new CallRecord(
            Text(root, "id"),
            tool,
            Text(root, "scenario"),
            JsonStrings.GetExact(Get(root, "raw")),
            new ParsedOutput(tool, setting, failure, Get(parsed, "detail").GetString(), Get(parsed, "clamped").GetInt32(), Get(parsed, "unknown_keys").GetInt32()),
            latency.ValueKind == JsonValueKind.Null ? null : latency.GetDouble(),
            Get(root, "input_tokens").GetInt32(),
            Get(root, "output_tokens").GetInt32(),
            JsonStrings.GetExact(Get(root, "error")),
            root.TryGetProperty("warmup", out var warmup) && warmup.GetBoolean());
    }

    private static JsonElement Get(JsonElement parent, string key) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(key, out var value) ? value : throw new FormatException($"missing key '{key}'");

    private static string Text(JsonElement parent, string key) => Get(parent, key).GetString() ?? throw new FormatException($"'{key}' must be a string");
}
