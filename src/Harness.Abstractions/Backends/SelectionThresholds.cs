using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Harness.Tools;

namespace Harness.Backends;

/// <summary>
/// Per-tool thresholds on <see cref="ToolResponse.NotUsedProbability"/>, chosen on a validation split
/// by <c>harness calibrate</c> and applied at decode time by a backend given option
/// <c>selection_thresholds</c> (<see cref="Option"/>): a call answers "not used" when its not-used
/// probability is at least the tool's threshold (<see cref="NotUsed"/>); otherwise the backend answers
/// with a setting, a generative one decoding with its not-used answer masked out at the first step.
/// The file names the validation split's SHA-256, and <c>harness eval</c> refuses thresholds fitted on
/// the file it evaluates.
/// </summary>
/// <param name="Backend">The config label of the backend they were fitted for.</param>
/// <param name="Plugin">Its plugin.</param>
/// <param name="ModelSha256">Its model's SHA-256, when the backend gave one.</param>
/// <param name="Validation">The validation file, as <c>harness calibrate</c> was given it (relative paths to the thresholds file's folder).</param>
/// <param name="ValidationSha256">SHA-256 of the validation file's bytes (<see cref="FileHash"/>).</param>
/// <param name="Tools">Each tool's threshold and validation F1, all three tools.</param>
public sealed record SelectionThresholds(
    string Backend,
    string Plugin,
    string? ModelSha256,
    string Validation,
    string ValidationSha256,
    ImmutableSortedDictionary<ToolName, ToolThreshold> Tools)
{
    /// <summary>The one declaration of option <c>selection_thresholds</c>, for every plugin that applies it.</summary>
    public static BackendOption<string?> Option { get; } = BackendOption.Optional("selection_thresholds",
        "A thresholds file written by harness calibrate: answer \"not used\" when a call's not-used probability is at least the tool's threshold, else decode a setting with the not-used answer masked out. Empty: plain greedy.");

    /// <summary>True when a call whose not-used probability is <paramref name="notUsedProbability"/> answers "not used".</summary>
    public bool NotUsed(ToolName tool, double notUsedProbability) => notUsedProbability >= Tools[tool].Threshold;

    /// <summary>The thresholds named by option <see cref="Option"/>, or null when it is absent or empty.</summary>
    public static SelectionThresholds? Read(BackendOptions options, BackendContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = Option.Read(options);
        return string.IsNullOrWhiteSpace(path) ? null : Load(context.ResolvePath(path), $"{options.Source}: option '{Option.Name}'");
    }

    /// <summary>Reads a thresholds file; every problem is a <see cref="BackendException"/> naming the file and the field.</summary>
    public static SelectionThresholds Load(string path, string? source = null)
    {
        var where = source is null ? path : $"{source}: {path}";
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackendException($"{where}: cannot read the thresholds file ({e.Message.TrimEnd('.')}); write one with harness calibrate.");
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Bad(where, "(root)", "must be a JSON object");
            var tools = Field(root, "tools", JsonValueKind.Object, where);
            var read = ImmutableSortedDictionary.CreateBuilder<ToolName, ToolThreshold>();
            foreach (var tool in ToolSchema.All)
            {
                var name = tool.WireName();
                var entry = Field(tools, name, JsonValueKind.Object, where, $"tools.{name}");
                read[tool] = new ToolThreshold(
                    Number(entry, "threshold", where, $"tools.{name}", 0, 1),
                    Number(entry, "f1_before", where, $"tools.{name}", 0, 1),
                    Number(entry, "f1_after", where, $"tools.{name}", 0, 1));
            }
            foreach (var extra in tools.EnumerateObject().Where(p => !ToolSchema.TryParse(p.Name, out _)))
                throw Bad(where, $"tools.{extra.Name}", $"is not a tool; the tools are {string.Join(", ", ToolSchema.All.Select(t => t.WireName()))}");
            var sha = Field(root, "validation_sha256", JsonValueKind.String, where).GetString()!;
            if (sha.Length != 64 || !sha.All(char.IsAsciiHexDigitLower))
                throw Bad(where, "validation_sha256", "must be 64 lower-case hex digits (the SHA-256 of the validation file)");
            var model = root.TryGetProperty("model_sha256", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return new SelectionThresholds(
                Field(root, "backend", JsonValueKind.String, where).GetString()!,
                Field(root, "plugin", JsonValueKind.String, where).GetString()!,
                model,
                Field(root, "validation", JsonValueKind.String, where).GetString()!,
                sha,
                read.ToImmutable());
        }
        catch (JsonException e)
        {
            throw new BackendException($"{where}: not valid JSON (line {e.LineNumber + 1}): {e.Message.Split(" Path:")[0].TrimEnd('.')}; write it with harness calibrate.");
        }
    }

    /// <summary>The file's text: indented JSON, invariant numbers, tools in canonical order.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("backend", Backend);
            json.WriteString("plugin", Plugin);
            if (ModelSha256 is null) json.WriteNull("model_sha256");
            else json.WriteString("model_sha256", ModelSha256);
            json.WriteString("validation", Validation);
            json.WriteString("validation_sha256", ValidationSha256);
            json.WriteString("rule", "not used when not_used_probability >= threshold; else a setting (the not-used answer masked at the first step)");
            json.WriteStartObject("tools");
            foreach (var (tool, t) in Tools)
            {
                json.WriteStartObject(tool.WireName());
                json.WriteNumber("threshold", Math.Round(t.Threshold, 6));
                json.WriteNumber("f1_before", Math.Round(t.F1Before, 4));
                json.WriteNumber("f1_after", Math.Round(t.F1After, 4));
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonElement Field(JsonElement parent, string name, JsonValueKind kind, string where, string? path = null)
    {
        path ??= name;
        if (!parent.TryGetProperty(name, out var value)) throw Bad(where, path, "is missing");
        if (value.ValueKind != kind) throw Bad(where, path, $"must be a JSON {kind.ToString().ToLowerInvariant()}, not {value.ValueKind.ToString().ToLowerInvariant()}");
        return value;
    }

    private static double Number(JsonElement parent, string name, string where, string prefix, double min, double max)
    {
        var value = Field(parent, name, JsonValueKind.Number, where, $"{prefix}.{name}").GetDouble();
        if (!(value >= min && value <= max))
            throw Bad(where, $"{prefix}.{name}", string.Create(CultureInfo.InvariantCulture, $"must be from {min} to {max}, not {value}"));
        return value;
    }

    private static BackendException Bad(string where, string field, string problem) =>
        new($"{where}: field '{field}' {problem}; write the file with harness calibrate.");
}

/// <summary>One tool's calibration.</summary>
/// <param name="Threshold">"Not used" when the not-used probability is at least this, in [0, 1].</param>
/// <param name="F1Before">Selection F1 of the plain greedy answers on the validation split.</param>
/// <param name="F1After">Selection F1 on the validation split with <paramref name="Threshold"/> deciding.</param>
public sealed record ToolThreshold(double Threshold, double F1Before, double F1After);
