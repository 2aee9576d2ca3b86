using System.Collections.Immutable;
using System.Text.Json;
using Harness.Json;
using Harness.Json.Files;
using Harness.Parsing;
using Harness.Tools;

namespace Harness.Runs;

/// <summary>
/// One <see cref="CallRecord"/> as one line of <c>predictions.jsonl</c>:
/// <code>
/// {"id":..,"tool":"adjust","scenario":..,"raw":..,
///  "parsed":{"used":true,"setting":{..canonical..}|null,"failure":"invalid_json"|null,"detail":..,"clamped":0,"unknown_keys":0},
///  "latency_ms":..|null,"input_tokens":..,"output_tokens":..,"error":..|null,"warmup":false,
///  "not_used_probability":0.93}
/// </code>
/// <c>not_used_probability</c> is present only when the backend gave one (files written before it existed read as before).
/// <c>raw</c> and <c>error</c> are the backend's text exactly: a lone UTF-16 surrogate in them is
/// written as its JSON escape (<c>\ud800</c>) and read back as the same surrogate, not replaced.
/// </summary>
public static class CallRecordJson
{
    /// <summary>The record as one line of JSON (no newline).</summary>
    public static string Serialize(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var parsed = record.Parsed;
        var line = new CallRecordLineJson
        {
            Id = record.IntentId,
            Tool = record.Tool.WireName(),
            Scenario = record.Scenario,
            Raw = record.Raw,
            Parsed = new()
            {
                Used = parsed.Used,
                Setting = parsed.Setting is null ? null : ToolSettingJson.ToElement(parsed.Setting),
                Failure = parsed.Failure?.WireName(),
                Detail = parsed.FailureDetail,
                Clamped = parsed.ClampedCount,
                UnknownKeys = parsed.UnknownKeyCount,
            },
            LatencyMs = record.LatencyMs,
            InputTokens = record.InputTokens,
            OutputTokens = record.OutputTokens,
            Error = record.Error,
            Warmup = record.Warmup,
            NotUsedProbability = record.NotUsedProbability,
        };
        return JsonSerializer.Serialize(line, OwnedFiles.Line.CallRecordLineJson);
    }

    /// <summary>Reads one line written by <see cref="Serialize"/>.</summary>
    /// <exception cref="FormatException">The line is not a call record; the message says which key.</exception>
    public static CallRecord Deserialize(string line)
    {
        CallRecordLineJson json;
        try
        {
            json = JsonSerializer.Deserialize(line, OwnedFiles.Line.CallRecordLineJson) ?? throw new FormatException("expected an object, got null");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not valid JSON ({JsonErrors.FirstSentence(ex)})", ex);
        }

        return From(json);
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

    private static CallRecord From(CallRecordLineJson json)
    {
        var toolName = Required(json.Tool, "tool");
        if (!ToolSchema.TryParse(toolName, out var tool)) throw new FormatException($"tool: unknown tool '{toolName}'");
        var parsed = Required(json.Parsed, "parsed");
        ParseFailureKind? failure = null;
        if (parsed.Failure is { } failureName)
        {
            if (!ParseFailureKinds.TryParse(failureName, out var kind)) throw new FormatException($"parsed.failure: unknown kind '{failureName}'");
            failure = kind;
        }
        var setting = parsed.Setting is { } element ? ToolSettingJson.Read(tool, element) : null;
        return new CallRecord(
            Required(json.Id, "id"),
            tool,
            Required(json.Scenario, "scenario"),
            json.Raw,
            new ParsedOutput(tool, setting, failure, parsed.Detail, RequiredNumber(parsed.Clamped, "clamped"), RequiredNumber(parsed.UnknownKeys, "unknown_keys")),
            json.LatencyMs?.Finite("latency_ms"),
            RequiredNumber(json.InputTokens, "input_tokens"),
            RequiredNumber(json.OutputTokens, "output_tokens"),
            json.Error,
            json.Warmup ?? false,
            Probability(json.NotUsedProbability));
    }

    private static double? Probability(JsonNumber? number) =>
        number is not { } n ? null
        : n.Finite("not_used_probability") is var p && p is >= 0 and <= 1 ? p
        : throw new FormatException($"not_used_probability: {p.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not a probability (0 to 1)");

    private static T Required<T>(T? value, string key) where T : class => value ?? throw new FormatException($"missing key '{key}'");

    private static T RequiredNumber<T>(T? value, string key) where T : struct => value ?? throw new FormatException($"missing key '{key}'");
}
