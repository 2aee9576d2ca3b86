using System.Collections.Immutable;
using System.Text.Json;
using Harness.Tools;

namespace Harness.Rendering;

/// <summary>
/// Reads a settings file: the shape of a dataset row's <c>teacher</c> object,
/// <c>{"adjust":{..}|null,"selective_adjust":{..}|null,"filter":{..}|null}</c>. A missing tool is
/// not used; a missing parameter is 0; unknown names, non-numbers and values out of range are
/// errors naming the file and the field.
/// </summary>
public static class RenderSettingsJson
{
    /// <summary>Reads and checks a settings file.</summary>
    public static RenderSettings Read(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RenderingException($"{path}: cannot read the settings file: {ex.Message}", ex);
        }
        return Parse(text, path);
    }

    /// <summary>Parses settings JSON; <paramref name="source"/> names it in messages.</summary>
    public static RenderSettings Parse(string json, string source)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException ex)
        {
            throw new RenderingException($"{source}: not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new RenderingException($"{source}: settings must be a JSON object with \"adjust\", \"selective_adjust\" and \"filter\" (each an object or null).");
            foreach (var property in root.EnumerateObject())
            {
                if (!ToolSchema.TryParse(property.Name, out _))
                    throw new RenderingException($"{source}: unknown tool \"{property.Name}\"; the tools are adjust, selective_adjust, filter.");
            }
            return new RenderSettings(
                Numbers(source, root, ToolName.Adjust),
                Numbers(source, root, ToolName.SelectiveAdjust),
                Filter(source, root));
        }
    }

    private static JsonElement? Tool(JsonElement root, ToolName tool) =>
        root.TryGetProperty(tool.WireName(), out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static ImmutableArray<double>? Numbers(string source, JsonElement root, ToolName tool)
    {
        if (Tool(root, tool) is not { } element) return null;
        var wire = tool.WireName();
        if (element.ValueKind != JsonValueKind.Object)
            throw new RenderingException($"{source}: \"{wire}\" must be an object or null.");
        var names = tool.VectorParameters();
        var values = new double[names.Length];
        foreach (var property in element.EnumerateObject())
        {
            if (tool == ToolName.Adjust)
            {
                var index = names.IndexOf(property.Name);
                if (index < 0) throw new RenderingException($"{source}: unknown adjust parameter \"{property.Name}\"; the parameters are {string.Join(", ", names)}.");
                values[index] = Number(source, $"{wire}.{property.Name}", property.Value, ToolSchema.ParameterMin, ToolSchema.ParameterMax);
                continue;
            }
            if (!ToolSchema.SelectiveColors.Contains(property.Name))
                throw new RenderingException($"{source}: unknown selective_adjust colour \"{property.Name}\"; the colours are {string.Join(", ", ToolSchema.SelectiveColors)}.");
            if (property.Value.ValueKind != JsonValueKind.Object)
                throw new RenderingException($"{source}: selective_adjust.{property.Name} must be an object with \"saturation\" and \"luminance\".");
            foreach (var channel in property.Value.EnumerateObject())
            {
                var index = names.IndexOf($"{property.Name}.{channel.Name}");
                if (index < 0) throw new RenderingException($"{source}: unknown selective_adjust channel \"{property.Name}.{channel.Name}\"; the channels are saturation, luminance.");
                values[index] = Number(source, $"{wire}.{property.Name}.{channel.Name}", channel.Value, ToolSchema.ParameterMin, ToolSchema.ParameterMax);
            }
        }
        return [.. values];
    }

    private static FilterSetting? Filter(string source, JsonElement root)
    {
        if (Tool(root, ToolName.Filter) is not { } element) return null;
        if (element.ValueKind != JsonValueKind.Object)
            throw new RenderingException($"{source}: \"filter\" must be an object with \"name\" and \"intensity\", or null.");
        string? name = null;
        double? intensity = null;
        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "name" when property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length > 0:
                    name = property.Value.GetString();
                    break;
                case "name":
                    throw new RenderingException($"{source}: filter.name must be a non-empty string.");
                case "intensity":
                    intensity = Number(source, "filter.intensity", property.Value, ToolSchema.IntensityMin, ToolSchema.IntensityMax);
                    break;
                default:
                    throw new RenderingException($"{source}: unknown filter field \"{property.Name}\"; the fields are name, intensity.");
            }
        }
        if (name is null) throw new RenderingException($"{source}: filter.name is missing.");
        if (intensity is null) throw new RenderingException($"{source}: filter.intensity is missing.");
        return new FilterSetting(name, intensity.Value);
    }

    private static double Number(string source, string field, JsonElement value, double min, double max)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
            throw new RenderingException($"{source}: {field} must be a number in [{min}, {max}], got {value.GetRawText()}.");
        if (number < min || number > max)
            throw new RenderingException($"{source}: {field} is {value.GetRawText()}, outside [{min}, {max}].");
        return number;
    }
}
