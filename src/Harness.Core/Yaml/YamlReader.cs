using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harness.Yaml;

/// <summary>
/// The one YAML reader of the harness (eval.yaml and gate policies): typed reads from a YAML node
/// that fail with one line naming the file, line and field.
/// </summary>
internal sealed class YamlReader(string file, bool sentences = false)
{
    /// <summary>
    /// The first document of <paramref name="text"/>, or null when there is none. Malformed YAML is an
    /// <see cref="InputException"/> <c>FILE:LINE: malformed YAML: ...</c> on one line.
    /// </summary>
    public static YamlNode? Load(string text, string file)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            var message = (ex.InnerException?.Message ?? ex.Message).ReplaceLineEndings(" ");
            throw new InputException($"{file}:{ex.Start.Line}: malformed YAML: {message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser gives up this way, without a position, on some unclosed flow
            // collections ("dataset: [unclosed"); the last event it read is where it stood.
            var line = parser.Current?.End.Line ?? 1;
            throw new InputException($"{file}:{line}: malformed YAML: a flow list [..] or mapping {{..}} is not closed, or a line cannot continue it");
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    /// <summary>
    /// <c>FILE:LINE: field: problem</c>; with <c>sentences</c> (gate policies, whose messages have
    /// always been sentences) it ends with a full stop.
    /// </summary>
    public InputException Error(YamlNode node, string field, string problem) =>
        new($"{file}:{node.Start.Line}: {field}: {problem}{(sentences ? "." : "")}");

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

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>]; the message gives the range.</summary>
    public int Int(YamlNode node, string field, int min, int max = int.MaxValue)
    {
        var text = String(node, field);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw Error(node, field, $"must be a whole number >= {min}{(max == int.MaxValue ? "" : $" and <= {max}")}, not '{Shown(text)}'");
        return value;
    }

    /// <summary>A finite number from <paramref name="min"/> (excluded when <paramref name="exclusive"/>) to <paramref name="max"/>; the message gives the range.</summary>
    public double Number(YamlNode node, string field, double min, double max, bool exclusive = false)
    {
        var text = String(node, field);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value)
            || value < min || (exclusive && value <= min) || value > max)
        {
            var inv = CultureInfo.InvariantCulture;
            throw Error(node, field, $"must be a number {(exclusive ? ">" : ">=")} {min.ToString(inv)} and <= {max.ToString(inv)}, not '{Shown(text)}'");
        }

        return value;
    }

    public List<string> StringList(YamlNode node, string field)
    {
        if (node is YamlScalarNode) return [String(node, field)];
        if (node is not YamlSequenceNode seq) throw Error(node, field, "must be a list, e.g. [a, b]");
        return [.. seq.Children.Select((n, i) => String(n, $"{field}[{i}]"))];
    }

    /// <summary>The name: value pairs of a mapping whose keys are data (tools, metrics, scenarios), not a fixed set.</summary>
    public IEnumerable<(YamlScalarNode Key, YamlNode Value)> Pairs(YamlNode node, string field) =>
        node is YamlMappingNode map
            ? map.Children.Select(c => (c.Key as YamlScalarNode ?? throw Error(c.Key, field, "keys must be plain names"), c.Value))
            : throw Error(node, field, "expected a mapping of name: value");

    /// <summary>
    /// A number in [<paramref name="min"/>, <paramref name="max"/>] (a whole one when <paramref name="integer"/>),
    /// the message saying which bound it broke: <c>must not be negative</c>, <c>must be more than 0</c>
    /// (<paramref name="min"/> = <see cref="double.Epsilon"/>), <c>must be at least</c>, <c>must be at most</c>.
    /// </summary>
    public double Bounded(YamlNode node, string field, double min, double max, string what = "a number", bool integer = false)
    {
        if (node is not YamlScalarNode { Value: { } text } || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
            throw Error(node, field, $"expected {what}, got {Describe(node)}");
        if (integer && value != Math.Floor(value)) throw Error(node, field, $"expected a whole number, got {text}");
        if (value < min)
        {
            throw Error(node, field, value < 0 ? $"must not be negative, got {text}"
                : min == double.Epsilon ? $"must be more than 0, got {text}"
                : $"must be at least {min.ToString(CultureInfo.InvariantCulture)}, got {text}");
        }

        if (value > max) throw Error(node, field, $"must be at most {max.ToString(CultureInfo.InvariantCulture)}, got {text}");
        return value;
    }

    /// <summary>A single value among <paramref name="valid"/> (ordinal).</summary>
    public string OneOf(YamlNode node, string field, IReadOnlyList<string> valid) =>
        node is YamlScalarNode { Value: { } text } && valid.Contains(text, StringComparer.Ordinal)
            ? text
            : throw Error(node, field, $"expected one of {string.Join(", ", valid)}, got {Describe(node)}");

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => $"'{SafeName.Show(s.Value ?? "")}'",
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "nothing",
    };

    public static string Join(string field, string key) => field.Length == 0 ? key : $"{field}.{key}";

    // A value as a message quotes it: on one line and not too long.
    private static string Shown(string text) => SafeName.Show(text.Length > 40 ? text[..40] + "..." : text);

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted) } s
        && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");
}
