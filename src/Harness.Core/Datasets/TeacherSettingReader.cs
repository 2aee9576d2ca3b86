using System.Globalization;
using System.Text.Json;
using Harness.Json;
using Harness.Tools;

namespace Harness.Datasets;

/// <summary>Reads a teacher setting strictly: every parameter present, numeric and in range; no extra keys.</summary>
internal sealed class TeacherSettingReader(Action<string, string> add, IReadOnlySet<string> filters, string prefix)
{
    public ToolSetting? Read(ToolName tool, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object) { add(prefix, $"expected an object or null, got {JsonText.Describe(value)}"); return null; }
        return tool == ToolName.Filter ? ReadFilter(value) : ReadVector(tool, value);
    }

    private VectorSetting? ReadVector(ToolName tool, JsonElement value)
    {
        var ok = true;
        var values = new List<double>();
        if (tool == ToolName.Adjust)
        {
            ok &= NoUnknownKeys(value, prefix, ToolSchema.AdjustParameters);
            foreach (var name in ToolSchema.AdjustParameters)
                ok &= ReadNumber(value, name, $"{prefix}.{name}", ToolSchema.ParameterMin, ToolSchema.ParameterMax, values);
        }
        else
        {
            ok &= NoUnknownKeys(value, prefix, ToolSchema.SelectiveColors);
            foreach (var colour in ToolSchema.SelectiveColors)
            {
                var field = $"{prefix}.{colour}";
                if (!value.TryGetProperty(colour, out var channels)) { add(field, "missing"); ok = false; continue; }
                if (channels.ValueKind != JsonValueKind.Object) { add(field, $"expected an object with saturation and luminance, got {JsonText.Describe(channels)}"); ok = false; continue; }
                ok &= NoUnknownKeys(channels, field, ToolSchema.SelectiveChannels);
                foreach (var channel in ToolSchema.SelectiveChannels)
                    ok &= ReadNumber(channels, channel, $"{field}.{channel}", ToolSchema.ParameterMin, ToolSchema.ParameterMax, values);
            }
        }
        return ok ? new VectorSetting(tool, [.. values]) : null;
    }

    private FilterSetting? ReadFilter(JsonElement value)
    {
        var ok = NoUnknownKeys(value, prefix, ["name", "intensity"]);
        string? name = null;
        if (!value.TryGetProperty("name", out var nameValue)) { add($"{prefix}.name", "missing"); ok = false; }
        else if (nameValue.ValueKind != JsonValueKind.String) { add($"{prefix}.name", $"expected a string, got {JsonText.Describe(nameValue)}"); ok = false; }
        else
        {
            name = nameValue.GetString()!;
            if (!filters.Contains(name)) { add($"{prefix}.name", $"'{JsonText.Shorten(name)}' is not in the filter catalogue ({FilterCatalog.FileName})"); ok = false; }
        }
        var intensity = new List<double>();
        ok &= ReadNumber(value, "intensity", $"{prefix}.intensity", ToolSchema.IntensityMin, ToolSchema.IntensityMax, intensity);
        return ok ? new FilterSetting(name!, intensity[0]) : null;
    }

    private bool NoUnknownKeys(JsonElement value, string field, IEnumerable<string> known)
    {
        var ok = true;
        var knownSet = known.ToHashSet(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (knownSet.Contains(property.Name)) continue;
            add($"{field}.{property.Name}", $"unknown key (expected {string.Join(", ", knownSet)})");
            ok = false;
        }
        return ok;
    }

    private bool ReadNumber(JsonElement parent, string key, string field, double min, double max, List<double> into)
    {
        if (!parent.TryGetProperty(key, out var value)) { add(field, "missing"); return false; }
        if (value.ValueKind != JsonValueKind.Number) { add(field, $"expected a number, got {JsonText.Describe(value)}"); return false; }
        var number = value.GetDouble();
        if (number < min || number > max)
        {
            add(field, string.Create(CultureInfo.InvariantCulture, $"{value.GetRawText()} is out of range [{min}, {max}]"));
            return false;
        }
        into.Add(number);
        return true;
    }
}
