using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Harness.Tools;

namespace Harness.Parsing;

/// <summary>
/// A tool setting as the tool's canonical JSON (spec §1): every parameter, canonical order,
/// plain invariant numbers, e.g. <c>{"name":"faded_HighNoon","intensity":40}</c>.
/// </summary>
public static class ToolSettingJson
{
    private static readonly OutputParser Lenient = new([]);

    /// <summary>The canonical compact JSON text of a setting.</summary>
    public static string ToJson(ToolSetting setting)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Write(writer, setting);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The canonical JSON of a setting as an element, for the files that hold settings.</summary>
    public static JsonElement ToElement(ToolSetting setting)
    {
        using var document = JsonDocument.Parse(ToJson(setting));
        return document.RootElement.Clone();
    }

    /// <summary>Writes the canonical JSON object of a setting.</summary>
    public static void Write(Utf8JsonWriter writer, ToolSetting setting)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(setting);
        writer.WriteStartObject();
        switch (setting)
        {
            case FilterSetting filter:
                writer.WriteString(ToolShape.FilterName, filter.Name);
                writer.WriteNumber(ToolShape.FilterIntensity, filter.Intensity);
                break;
            case VectorSetting vector:
                foreach (var group in ToolShape.Groups(vector.Tool))
                {
                    if (group.Key is not null) writer.WriteStartObject(group.Key);
                    for (var i = 0; i < group.Parameters.Length; i++)
                        writer.WriteNumber(group.Parameters[i], vector.Values[group.FirstIndex + i]);
                    if (group.Key is not null) writer.WriteEndObject();
                }
                break;
            default:
                throw new ArgumentException($"Unknown setting type {setting.GetType().Name}.", nameof(setting));
        }
        writer.WriteEndObject();
    }

    /// <summary>
    /// Reads a setting written by <see cref="Write"/> (or any output of the tool's shape):
    /// null when the JSON is null or empty (not used).
    /// </summary>
    /// <exception cref="FormatException">The JSON is not of the tool's shape; the message says why.</exception>
    public static ToolSetting? Read(ToolName tool, JsonElement value)
    {
        var parsed = Lenient.ParseJson(tool, value);
        if (parsed.Failure is { } kind)
            throw new FormatException($"{tool.WireName()}: {kind.WireName()}: {parsed.FailureDetail}");
        return parsed.Setting;
    }
}
