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
        ["subset", "min_overall", "min_tool_final", "non_inferiority", "max_p95_latency_ms", "max_cost_per_1k_intents", "max_parse_failure_rate", "min_capacity", "max_server_tail_ms", "bootstrap"];


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
        CapacityRequirement? capacity = null;
        ServerTailBudget? serverTail = null;
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
                case "min_capacity": capacity = Capacity(yaml, value, key); break;
                case "max_server_tail_ms": serverTail = Tail(yaml, value, key); break;
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

        return new GatePolicy(subset, minOverall, toolFinal, margins, latency, maxCost, maxParse, resamples, seed, capacity, serverTail);
    }

    // min_capacity: { latency_bound_ms: B, qps: Q, vs_baseline: S }: the bound and at least one of the two.
    private static CapacityRequirement Capacity(YamlReader yaml, YamlNode value, string key)
    {
        double? bound = null, qps = null, share = null;
        foreach (var (name, v) in yaml.Pairs(value, key))
        {
            var field = $"{key}.{name.Value}";
            switch (name.Value)
            {
                case "latency_bound_ms": bound = yaml.Bounded(v, field, double.Epsilon, double.MaxValue); break;
                case "qps": qps = yaml.Bounded(v, field, double.Epsilon, double.MaxValue); break;
                case "vs_baseline": share = yaml.Bounded(v, field, double.Epsilon, 100, "a share (0.9 = 90%)"); break;
                default: throw yaml.Error(name, field, "unknown key; valid keys: latency_bound_ms, qps, vs_baseline");
            }
        }
        if (bound is null) throw yaml.Error(value, $"{key}.latency_bound_ms", "is required (the bound the capacity was found at)");
        if (qps is null && share is null) throw yaml.Error(value, key, "needs qps, vs_baseline or both");
        return new CapacityRequirement(bound.Value, qps, share);
    }

    // max_server_tail_ms: { qps: Q, ms: M }
    private static ServerTailBudget Tail(YamlReader yaml, YamlNode value, string key)
    {
        double? qps = null, ms = null;
        foreach (var (name, v) in yaml.Pairs(value, key))
        {
            var field = $"{key}.{name.Value}";
            switch (name.Value)
            {
                case "qps": qps = yaml.Bounded(v, field, double.Epsilon, double.MaxValue); break;
                case "ms": ms = yaml.Bounded(v, field, double.Epsilon, double.MaxValue); break;
                default: throw yaml.Error(name, field, "unknown key; valid keys: qps, ms");
            }
        }
        if (qps is null || ms is null) throw yaml.Error(value, key, "needs both qps and ms");
        return new ServerTailBudget(qps.Value, ms.Value);
    }

    private static ToolName Tool(YamlReader yaml, YamlScalarNode node, string field) =>
        ToolSchema.TryParse(node.Value, out var tool) ? tool : throw yaml.Error(node, field, "unknown tool; valid tools: adjust, selective_adjust, filter");
}
