using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.RepresentationModel;
using Harness.Datasets;
using Harness.Metrics;
using Harness.Runs;
using Harness.Tools;
using Harness.Yaml;

namespace Harness.Gate;

/// <summary>
/// Reads and checks gate.yaml. Every problem is an <see cref="InputException"/> of one line
/// naming the file, line and key: an unknown key, a value of the wrong type or out of range.
/// </summary>
public static class GatePolicyReader
{
    private static readonly string[] Keys =
        ["subset", "min_overall", "min_tool_final", "non_inferiority", "max_p95_latency_ms", "max_cost_per_1k_intents", "max_parse_failure_rate", "bootstrap"];


    public static GatePolicy Read(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: policy file not found; pass --policy with a gate.yaml (see gate.example.yaml).");
        if (YamlReader.Load(File.ReadAllText(path), path) is not YamlMappingNode root)
            throw new InputException($"{path}: expected a mapping of policy keys (see gate.example.yaml).");
        return Parse(new Source(path), root);
    }

    private static GatePolicy Parse(Source src, YamlMappingNode root)
    {
        string subset = Subsets.AllRows;
        double? minOverall = null, maxCost = null, maxParse = null;
        var toolFinal = ImmutableSortedDictionary<ToolName, double>.Empty;
        var margins = ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal);
        var latency = ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal);
        int resamples = BootstrapOptions.Default.Resamples, seed = BootstrapOptions.Default.Seed;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? throw src.Error(keyNode, "policy", "keys must be plain names");
            switch (key)
            {
                case "subset": subset = src.OneOf(value, key, Subsets.Names); break;
                case "min_overall": minOverall = src.Number(value, key, 0, 1); break;
                case "max_cost_per_1k_intents": maxCost = src.Number(value, key, 0, double.MaxValue); break;
                case "max_parse_failure_rate": maxParse = src.Number(value, key, 0, 1); break;
                case "min_tool_final":
                    foreach (var (name, v) in src.Map(value, key))
                        toolFinal = toolFinal.Add(src.Tool(name, $"{key}.{name.Value}"), src.Number(v, $"{key}.{name.Value}", 0, 1));
                    break;
                case "non_inferiority":
                    foreach (var (name, v) in src.Map(value, key))
                        margins = margins.Add(src.OneOf(name, $"{key}.{name.Value}", [.. GatePolicy.ComparableMetrics]), src.Number(v, $"{key}.{name.Value}", 0, 1, "a margin"));
                    break;
                case "max_p95_latency_ms":
                    foreach (var (name, v) in src.Map(value, key))
                        latency = latency.Add(src.OneOf(name, $"{key}.{name.Value}", ScenarioNames.All), src.Number(v, $"{key}.{name.Value}", double.Epsilon, double.MaxValue));
                    break;
                case "bootstrap":
                    foreach (var (name, v) in src.Map(value, key))
                    {
                        if (name.Value == "resamples") resamples = (int)src.Number(v, $"{key}.resamples", 100, 100_000, integer: true);
                        else if (name.Value == "seed") seed = (int)src.Number(v, $"{key}.seed", 0, int.MaxValue, integer: true);
                        else throw src.Error(name, $"{key}.{name.Value}", "unknown key; valid keys: resamples, seed");
                    }

                    break;
                default:
                    throw src.Error(keyNode, key, $"unknown key; valid keys: {string.Join(", ", Keys)}");
            }
        }

        return new GatePolicy(subset, minOverall, toolFinal, margins, latency, maxCost, maxParse, resamples, seed);
    }

    private sealed record Source(string Path)
    {
        public InputException Error(YamlNode node, string field, string problem) =>
            new($"{Path}:{node.Start.Line}: {field}: {problem}.");

        public IEnumerable<(YamlScalarNode Key, YamlNode Value)> Map(YamlNode node, string field) =>
            node is YamlMappingNode map
                ? map.Children.Select(c => (c.Key as YamlScalarNode ?? throw Error(c.Key, field, "keys must be plain names"), c.Value))
                : throw Error(node, field, "expected a mapping of name: value");

        public double Number(YamlNode node, string field, double min, double max, string what = "a number", bool integer = false)
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

        public string OneOf(YamlNode node, string field, IReadOnlyList<string> valid) =>
            node is YamlScalarNode { Value: { } text } && valid.Contains(text, StringComparer.Ordinal)
                ? text
                : throw Error(node, field, $"expected one of {string.Join(", ", valid)}, got {Describe(node)}");

        public ToolName Tool(YamlScalarNode node, string field) =>
            ToolSchema.TryParse(node.Value, out var tool) ? tool : throw Error(node, field, "unknown tool; valid tools: adjust, selective_adjust, filter");

        private static string Describe(YamlNode node) => node switch
        {
            YamlScalarNode s => $"'{SafeName.Show(s.Value ?? "")}'",
            YamlMappingNode => "a mapping",
            YamlSequenceNode => "a list",
            _ => "nothing",
        };
    }
}
