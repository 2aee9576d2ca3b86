using System.Collections.Immutable;
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
        return Parse(new YamlReader(path, sentences: true), root);
    }

    private static GatePolicy Parse(YamlReader yaml, YamlMappingNode root)
    {
        string subset = Subsets.AllRows;
        double? minOverall = null, maxCost = null, maxParse = null;
        var toolFinal = ImmutableSortedDictionary<ToolName, double>.Empty;
        var margins = ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal);
        var latency = ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal);
        int resamples = BootstrapOptions.Default.Resamples, seed = BootstrapOptions.Default.Seed;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? throw yaml.Error(keyNode, "policy", "keys must be plain names");
            switch (key)
            {
                case "subset": subset = yaml.OneOf(value, key, Subsets.Names); break;
                case "min_overall": minOverall = yaml.Bounded(value, key, 0, 1); break;
                case "max_cost_per_1k_intents": maxCost = yaml.Bounded(value, key, 0, double.MaxValue); break;
                case "max_parse_failure_rate": maxParse = yaml.Bounded(value, key, 0, 1); break;
                case "min_tool_final":
                    foreach (var (name, v) in yaml.Pairs(value, key))
                        toolFinal = toolFinal.Add(Tool(yaml, name, $"{key}.{name.Value}"), yaml.Bounded(v, $"{key}.{name.Value}", 0, 1));
                    break;
                case "non_inferiority":
                    foreach (var (name, v) in yaml.Pairs(value, key))
                        margins = margins.Add(yaml.OneOf(name, $"{key}.{name.Value}", [.. GatePolicy.ComparableMetrics]), yaml.Bounded(v, $"{key}.{name.Value}", 0, 1, "a margin"));
                    break;
                case "max_p95_latency_ms":
                    foreach (var (name, v) in yaml.Pairs(value, key))
                        latency = latency.Add(yaml.OneOf(name, $"{key}.{name.Value}", ScenarioNames.Known), yaml.Bounded(v, $"{key}.{name.Value}", double.Epsilon, double.MaxValue));
                    break;
                case "bootstrap":
                    foreach (var (name, v) in yaml.Pairs(value, key))
                    {
                        if (name.Value == "resamples") resamples = (int)yaml.Bounded(v, $"{key}.resamples", 100, 100_000, integer: true);
                        else if (name.Value == "seed") seed = (int)yaml.Bounded(v, $"{key}.seed", 0, int.MaxValue, integer: true);
                        else throw yaml.Error(name, $"{key}.{name.Value}", "unknown key; valid keys: resamples, seed");
                    }

                    break;
                default:
                    throw yaml.Error(keyNode, key, $"unknown key; valid keys: {string.Join(", ", Keys)}");
            }
        }

        return new GatePolicy(subset, minOverall, toolFinal, margins, latency, maxCost, maxParse, resamples, seed);
    }

    private static ToolName Tool(YamlReader yaml, YamlScalarNode node, string field) =>
        ToolSchema.TryParse(node.Value, out var tool) ? tool : throw yaml.Error(node, field, "unknown tool; valid tools: adjust, selective_adjust, filter");
}
