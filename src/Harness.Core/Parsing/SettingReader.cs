using System.Text.Json;
using Harness.Json;
using Harness.Tools;

namespace Harness.Parsing;

/// <summary>Reads one JSON object of a tool's shape leniently (spec §3), counting clamps and unknown keys.</summary>
internal sealed class SettingReader(ToolName tool)
{
    private int _clamped;
    private int _unknown;
    private (ParseFailureKind Kind, string Detail)? _failure;

    public ParsedOutput Read(JsonElement value)
    {
        if (!value.EnumerateObject().Any()) return new ParsedOutput(tool, null);
        ToolSetting? setting = tool == ToolName.Filter ? ReadFilter(value) : ReadVector(value);
        return _failure is { } failure
            ? new ParsedOutput(tool, null, failure.Kind, failure.Detail, _clamped, _unknown)
            : new ParsedOutput(tool, setting, null, null, _clamped, _unknown);
    }

    private VectorSetting? ReadVector(JsonElement value)
    {
        var values = new double[tool.VectorParameters().Length];
        var groups = ToolShape.Groups(tool);
        if (groups is [{ Key: null } flat])
        {
            ReadGroup(value, flat, values);
        }
        else
        {
            foreach (var property in value.EnumerateObject())
            {
                var group = groups.FirstOrDefault(g => g.Key == property.Name);
                if (group is null) { _unknown++; continue; }
                if (property.Value.ValueKind != JsonValueKind.Object)
                {
                    Fail(ParseFailureKind.WrongShape, $"{group.Key}: expected an object with {string.Join(" and ", group.Parameters)}, got {OutputParser.DescribeKind(property.Value)}");
                    continue;
                }
                ReadGroup(property.Value, group, values);
            }
        }
        return _failure is null ? new VectorSetting(tool, [.. values]) : null;
    }

    private void ReadGroup(JsonElement value, ParameterGroup group, double[] values)
    {
        foreach (var property in value.EnumerateObject())
        {
            var index = group.IndexOf(property.Name);
            if (index < 0) _unknown++;
            else values[index] = Number(property.Value, group.Path(property.Name), ToolSchema.ParameterMin, ToolSchema.ParameterMax);
        }
    }

    private FilterSetting? ReadFilter(JsonElement value)
    {
        string? name = null;
        double intensity = 0;
        var hasName = false;
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name)
            {
                case ToolShape.FilterName:
                    hasName = true;
                    if (property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Trim().Length > 0)
                        name = property.Value.GetString()!.Trim();
                    else
                        Fail(ParseFailureKind.BadValue, $"name: expected a non-empty string, got {OutputParser.DescribeKind(property.Value)}");
                    break;
                case ToolShape.FilterIntensity:
                    intensity = Number(property.Value, ToolShape.FilterIntensity, ToolSchema.IntensityMin, ToolSchema.IntensityMax);
                    break;
                default:
                    _unknown++;
                    break;
            }
        }
        if (!hasName) Fail(ParseFailureKind.WrongShape, "a filter needs a string \"name\"");
        return _failure is null ? new FilterSetting(name!, intensity) : null;
    }

    private double Number(JsonElement value, string field, double min, double max)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            Fail(ParseFailureKind.BadValue, $"{field}: expected a number, got {OutputParser.DescribeKind(value)}");
            return 0;
        }
        // 1e400 reads as infinity: not a value the app can apply, so not one to clamp.
        if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Fail(ParseFailureKind.BadValue, $"{field}: {JsonText.Shorten(value.GetRawText())} is not a finite number");
            return 0;
        }
        if (number < min || number > max)
        {
            _clamped++;
            return Math.Clamp(number, min, max);
        }
        return number;
    }

    // The first failure wins: it is the one the detail reports.
    private void Fail(ParseFailureKind kind, string detail) => _failure ??= (kind, detail);
}
