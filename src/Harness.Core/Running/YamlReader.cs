using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Harness.Running;

/// <summary>Typed reads from a YAML node that fail with one line naming the file, line and field.</summary>
internal sealed class YamlReader(string file)
{
    public InputException Error(YamlNode node, string field, string problem) =>
        new($"{file}:{node.Start.Line}: {field}: {problem}");

    public YamlMappingNode Mapping(YamlNode node, string field, IReadOnlyCollection<string> allowedKeys)
    {
        if (node is not YamlMappingNode map) throw Error(node, field, "must be a mapping (key: value lines)");
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowedKeys.Contains(name))
                throw Error(key, Join(field, name), $"unknown key; valid keys: {string.Join(", ", allowedKeys)}");
        }
        return map;
    }

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && !IsNull(node) ? node : null;

    public YamlNode Required(YamlMappingNode map, string key, string field) =>
        Child(map, key) ?? throw Error(map, Join(field, key), "is required");

    public string String(YamlNode node, string field)
    {
        if (node is not YamlScalarNode { Value: { } value }) throw Error(node, field, "must be a single value");
        return value;
    }

    public int Int(YamlNode node, string field, int min)
    {
        var text = String(node, field);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min)
            throw Error(node, field, $"must be a whole number >= {min}, not '{text}'");
        return value;
    }

    public double Number(YamlNode node, string field, double min, bool exclusive = false)
    {
        var text = String(node, field);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value)
            || value < min || (exclusive && value <= min))
            throw Error(node, field, $"must be a number {(exclusive ? ">" : ">=")} {min.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
        return value;
    }

    public List<string> StringList(YamlNode node, string field)
    {
        if (node is YamlScalarNode) return [String(node, field)];
        if (node is not YamlSequenceNode seq) throw Error(node, field, "must be a list, e.g. [a, b]");
        return [.. seq.Children.Select((n, i) => String(n, $"{field}[{i}]"))];
    }

    public static string Join(string field, string key) => field.Length == 0 ? key : $"{field}.{key}";

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted) } s
        && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");
}
