using System.Text.Json;
using Harness.Datasets;
using Harness.Tools;

namespace Harness.DataGen;

/// <summary>
/// Writes rows as JSON Lines in the schema of spec §2: keys in canonical order, integral
/// values as JSON integers, invariant formatting, LF line endings, UTF-8 without BOM.
/// </summary>
public static class DatasetRowWriter
{
    /// <summary>Writes every row, one line each, to a stream.</summary>
    public static void Write(Stream stream, IEnumerable<DatasetRow> rows)
    {
        using var json = new Utf8JsonWriter(stream);
        foreach (var row in rows)
        {
            WriteRow(json, row);
            json.Flush();
            stream.WriteByte((byte)'\n');
            json.Reset();
        }
    }

    /// <summary>The rows as the text of a .jsonl file.</summary>
    public static byte[] ToBytes(IEnumerable<DatasetRow> rows)
    {
        using var buffer = new MemoryStream();
        Write(buffer, rows);
        return buffer.ToArray();
    }

    private static void WriteRow(Utf8JsonWriter json, DatasetRow row)
    {
        json.WriteStartObject();
        json.WriteString("id", row.Id);
        json.WriteString("intent", row.Intent);
        json.WriteNumber("repeats", row.Repeats);
        json.WriteStartObject("teacher");
        foreach (var tool in ToolSchema.All)
        {
            json.WritePropertyName(tool.WireName());
            WriteSetting(json, row.TeacherFor(tool));
        }
        json.WriteEndObject();
        if (row.Exports is { } exports)
        {
            json.WriteStartObject("exports");
            foreach (var tool in ToolSchema.All.Where(exports.ContainsKey))
                json.WriteNumber(tool.WireName(), exports[tool]);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>One setting as the dataset writes it (<c>null</c> for a tool not used), walking <see cref="ToolShape"/>.</summary>
    internal static void WriteSetting(Utf8JsonWriter json, ToolSetting? setting)
    {
        if (setting is null)
        {
            json.WriteNullValue();
            return;
        }
        json.WriteStartObject();
        switch (setting)
        {
            case FilterSetting filter:
                json.WriteString(ToolShape.FilterName, filter.Name);
                WriteNumber(json, ToolShape.FilterIntensity, filter.Intensity);
                break;
            case VectorSetting vector:
                foreach (var group in ToolShape.Groups(vector.Tool))
                {
                    if (group.Key is not null) json.WriteStartObject(group.Key);
                    for (var i = 0; i < group.Parameters.Length; i++)
                        WriteNumber(json, group.Parameters[i], vector.Values[group.FirstIndex + i]);
                    if (group.Key is not null) json.WriteEndObject();
                }
                break;
            default:
                throw new ArgumentException($"Unknown setting type {setting.GetType().Name}.", nameof(setting));
        }
        json.WriteEndObject();
    }

    // Whole numbers as JSON integers ("10", not "10.0"); anything else as the shortest round-trip double.
    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15) json.WriteNumber(name, (long)value);
        else json.WriteNumber(name, value);
    }
}
