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
        var groups = ToolShape.Groups(tool);
        if (groups is [{ Key: null } flat])
            return ReadGroup(value, flat, prefix, values) ? new VectorSetting(tool, [.. values]) : null;

        ok &= NoUnknownKeys(value, prefix, groups.Select(g => g.Key!));
        foreach (var group in groups)
        {
            var field = $"{prefix}.{group.Key}";
            if (!value.TryGetProperty(group.Key!, out var inner)) { add(field, "missing"); ok = false; continue; }
            if (inner.ValueKind != JsonValueKind.Object) { add(field, $"expected an object with {string.Join(" and ", group.Parameters)}, got {JsonText.Describe(inner)}"); ok = false; continue; }
            ok &= ReadGroup(inner, group, field, values);
        }
        return ok ? new VectorSetting(tool, [.. values]) : null;
    }

    // Every parameter of the group present and in range, and no other key.
    private bool ReadGroup(JsonElement value, ParameterGroup group, string field, List<double> values)
    {
        var ok = NoUnknownKeys(value, field, group.Parameters);
        foreach (var name in group.Parameters)
            ok &= ReadNumber(value, name, $"{field}.{name}", ToolSchema.ParameterMin, ToolSchema.ParameterMax, values);
        return ok;
    }

    private FilterSetting? ReadFilter(JsonElement value)
    {
        var ok = NoUnknownKeys(value, prefix, ToolShape.FilterKeys);
        string? name = null;
        if (!value.TryGetProperty(ToolShape.FilterName, out var nameValue)) { add($"{prefix}.{ToolShape.FilterName}", "missing"); ok = false; }
        else if (nameValue.ValueKind != JsonValueKind.String) { add($"{prefix}.{ToolShape.FilterName}", $"expected a string, got {JsonText.Describe(nameValue)}"); ok = false; }
        else
        {
            name = nameValue.GetString()!;
            if (!filters.Contains(name)) { add($"{prefix}.{ToolShape.FilterName}", $"'{JsonText.Shorten(name)}' is not in the filter catalogue ({FilterCatalog.FileName})"); ok = false; }
        }
        var intensity = new List<double>();
        ok &= ReadNumber(value, ToolShape.FilterIntensity, $"{prefix}.{ToolShape.FilterIntensity}", ToolSchema.IntensityMin, ToolSchema.IntensityMax, intensity);
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
