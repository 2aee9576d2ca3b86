using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using YamlDotNet.RepresentationModel;
using Harness.Metrics;
using Harness.Runs;
using Harness.Yaml;

namespace Harness.Running;

/// <summary>
/// Reads <c>eval.yaml</c>. Every problem (unknown key, missing field, bad value, a number
/// out of its range, a label that is not a <see cref="SafeName"/> or is used twice, malformed
/// YAML) is an <see cref="InputException"/> naming the file, the line and the field. Paths are
/// resolved against the config's folder.
/// </summary>
public static class ConfigLoader
{
    private static readonly string[] TopKeys =
        ["dataset", "filters", "scenarios", "warmup", "timeout_s", "start_timeout_s", "seed", "limit", "prompt_template", "reports", "floor", "ceiling", "teacher", "image_metric", "server", "backends"];

    private static readonly string[] BackendKeys = ["label", "plugin", "model_id", "options", "batch_size", "prompt_template", "cost", "isolation", "target_qps", "concurrency"];

    private static readonly string[] ServerKeys = ["target_qps", "latency_bound_ms", "percentile", "duration_s", "rows", "seed", "max_batch_delay_ms", "find_peak"];

    /// <summary>The highest <c>target_qps</c>: far beyond what the load generator sustains, so a larger one is a typo.</summary>
    public const double MaxTargetQps = 1_000_000;

    private static readonly string[] ImageMetricKeys = ["images", "luts", "size"];

    private static readonly string[] CostKeys = ["usd_per_hour", "usd_per_1k_input_tokens", "usd_per_1k_output_tokens"];

    /// <summary>
    /// The longest <c>timeout_s</c>, an hour per call. A batch gets the timeout times its size, and
    /// <see cref="MaxTimeoutSeconds"/> x <see cref="MaxBatchSize"/> (about 43 days) still fits the
    /// longest delay a cancellation timer takes (2^32 - 2 ms, about 49.7 days).
    /// </summary>
    public const double MaxTimeoutSeconds = 3600;

    /// <summary>The largest <c>batch_size</c> of a backend.</summary>
    public const int MaxBatchSize = 1024;

    /// <summary>The largest <c>usd_per_hour</c>; a price beyond it is a typo, and would overflow the cost.</summary>
    public const double MaxUsdPerHour = 1_000_000;

    /// <summary>The largest price per 1,000 input or output tokens.</summary>
    public const double MaxUsdPer1kTokens = 1_000;

    /// <summary>Loads and validates the config file at <paramref name="path"/>.</summary>
    public static EvalConfig Load(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: config file not found; pass --config with the path of an eval.yaml.");
        return Parse(File.ReadAllText(path), Path.GetFullPath(path), path);
    }

    /// <summary>Validates config <paramref name="text"/> as if read from <paramref name="fullPath"/>.</summary>
    public static EvalConfig Parse(string text, string fullPath, string? displayName = null)
    {
        var file = displayName ?? fullPath;
        var yaml = new YamlReader(file);
        var root = YamlReader.Load(text, file)
            ?? throw new InputException($"{file}: the config is empty; it needs at least 'dataset' and 'backends'.");
        if (root is not YamlMappingNode)
            throw new InputException($"{file}:{root.Start.Line}: the config must be a mapping of keys (dataset: ..., backends: ...), one per line.");
        var map = yaml.Mapping(root, "", TopKeys);
        var baseDir = Path.GetDirectoryName(fullPath)!;
        string Resolve(string p) => Path.GetFullPath(Path.IsPathRooted(p) ? p : Path.Combine(baseDir, p));

        var dataset = Resolve(yaml.String(yaml.Required(map, "dataset", ""), "dataset"));
        var filters = YamlReader.Child(map, "filters") is { } f ? Resolve(yaml.String(f, "filters")) : null;
        var scenarios = ImmutableArray.Create(ScenarioNames.SingleStream, ScenarioNames.Offline);
        if (YamlReader.Child(map, "scenarios") is { } s)
        {
            var list = yaml.StringList(s, "scenarios");
            foreach (var name in list.Where(n => !ScenarioNames.Known.Contains(n)))
                throw yaml.Error(s, "scenarios", $"unknown scenario '{name}'; valid: {string.Join(", ", ScenarioNames.Known)}");
            if (list.Count == 0) throw yaml.Error(s, "scenarios", "needs at least one scenario");
            scenarios = [.. list.Distinct()];
            if (scenarios.Contains(ScenarioNames.Server) && YamlReader.Child(map, "server") is null)
                throw yaml.Error(s, "scenarios", "the server scenario needs a top-level 'server:' section with at least target_qps and latency_bound_ms");
        }
        var server = YamlReader.Child(map, "server") is { } sv ? ReadServer(yaml, sv) : null;
        var template = YamlReader.Child(map, "prompt_template") is { } t ? yaml.String(t, "prompt_template") : EvalConfig.DefaultPromptTemplate;
        var reports = YamlReader.Child(map, "reports") is { } r ? [.. yaml.StringList(r, "reports")] : ImmutableArray.Create("markdown");
        var backendsNode = yaml.Required(map, "backends", "");
        if (backendsNode is not YamlSequenceNode backendList || backendList.Children.Count == 0)
            throw yaml.Error(backendsNode, "backends", "must be a non-empty list of backends");

        var backends = backendList.Children.Select((n, i) => ReadBackend(yaml, n, i, template)).ToImmutableArray();
        var duplicate = backends.GroupBy(b => b.Label, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw yaml.Error(backendList.Children[duplicate.Last().Index], $"backends[{duplicate.Last().Index}].label",
                $"label '{duplicate.Key}' is used twice; labels must be unique");

        return new EvalConfig(
            fullPath, text, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            dataset, filters, scenarios,
            YamlReader.Child(map, "warmup") is { } w ? yaml.Int(w, "warmup", 0) : EvalConfig.DefaultWarmup,
            YamlReader.Child(map, "timeout_s") is { } ts ? yaml.Number(ts, "timeout_s", 0, MaxTimeoutSeconds, exclusive: true) : EvalConfig.DefaultTimeoutSeconds,
            YamlReader.Child(map, "seed") is { } sd ? yaml.Int(sd, "seed", int.MinValue) : BootstrapOptions.DefaultSeed,
            YamlReader.Child(map, "limit") is { } l ? yaml.Int(l, "limit", 0) : 0,
            template, reports, backends,
            Reference(yaml, map, "floor", backends), Reference(yaml, map, "ceiling", backends),
            YamlReader.Child(map, "start_timeout_s") is { } st ? yaml.Number(st, "start_timeout_s", 0, MaxTimeoutSeconds, exclusive: true) : EvalConfig.DefaultStartTimeoutSeconds,
            Reference(yaml, map, "teacher", backends),
            YamlReader.Child(map, "image_metric") is { } im ? ReadImageMetric(yaml, im, Resolve) : null,
            server);
    }

    // image_metric: { images: DIR, luts: DIR, size: 64 }
    private static ImageMetricConfig ReadImageMetric(YamlReader yaml, YamlNode node, Func<string, string> resolve)
    {
        var map = yaml.Mapping(node, "image_metric", ImageMetricKeys);
        return new ImageMetricConfig(
            resolve(yaml.String(yaml.Required(map, "images", "image_metric"), "image_metric.images")),
            resolve(yaml.String(yaml.Required(map, "luts", "image_metric"), "image_metric.luts")),
            YamlReader.Child(map, "size") is { } size ? yaml.Int(size, "image_metric.size", 16, 1024) : ImageMetricConfig.DefaultSize);
    }

    // server: { target_qps, latency_bound_ms, percentile, duration_s | rows, seed, max_batch_delay_ms }
    private static ServerConfig ReadServer(YamlReader yaml, YamlNode node)
    {
        var map = yaml.Mapping(node, "server", ServerKeys);
        var duration = YamlReader.Child(map, "duration_s") is { } d ? yaml.Number(d, "server.duration_s", 0, 86_400, exclusive: true) : (double?)null;
        var rows = YamlReader.Child(map, "rows") is { } r ? yaml.Int(r, "server.rows", 1, 10_000_000) : (int?)null;
        if (duration is not null && rows is not null)
            throw yaml.Error(node, "server", "give either duration_s or rows (how many intents arrive), not both");
        return new ServerConfig(
            yaml.Number(yaml.Required(map, "target_qps", "server"), "server.target_qps", 0, MaxTargetQps, exclusive: true),
            yaml.Number(yaml.Required(map, "latency_bound_ms", "server"), "server.latency_bound_ms", 0, MaxTimeoutSeconds * 1000, exclusive: true),
            YamlReader.Child(map, "percentile") is { } p ? Percentile(yaml, p) : ServerConfig.DefaultPercentile,
            duration, rows,
            YamlReader.Child(map, "seed") is { } sd ? yaml.Int(sd, "server.seed", int.MinValue) : 1,
            YamlReader.Child(map, "max_batch_delay_ms") is { } mb ? yaml.Number(mb, "server.max_batch_delay_ms", 0, 10_000) : ServerConfig.DefaultMaxBatchDelayMs,
            YamlReader.Child(map, "find_peak") is { } fp && FindPeak(yaml, fp));
    }

    private static bool FindPeak(YamlReader yaml, YamlNode node) => yaml.String(node, "server.find_peak") switch
    {
        "true" => true,
        "false" => false,
        var other => throw yaml.Error(node, "server.find_peak", $"must be true or false, not '{other}'"),
    };

    // A percentile strictly inside (0, 100): p100 is the maximum, which one slow intent decides.
    private static double Percentile(YamlReader yaml, YamlNode node)
    {
        var value = yaml.Number(node, "server.percentile", double.MinValue, double.MaxValue);
        if (value is > 0 and < 100) return value;
        throw yaml.Error(node, "server.percentile", $"must be a number > 0 and < 100 (99 for p99), not '{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}'");
    }

    // floor:, ceiling: and teacher: name one of the backends by its label.
    private static string? Reference(YamlReader yaml, YamlMappingNode map, string key, ImmutableArray<BackendConfig> backends)
    {
        if (YamlReader.Child(map, key) is not { } node) return null;
        var label = yaml.String(node, key);
        if (backends.Any(b => b.Label == label)) return label;
        throw yaml.Error(node, key, $"'{SafeName.Show(label)}' is not the label of a backend; labels: {string.Join(", ", backends.Select(b => b.Label))}");
    }

    private static BackendConfig ReadBackend(YamlReader yaml, YamlNode node, int index, string defaultTemplate)
    {
        var field = $"backends[{index}]";
        var map = yaml.Mapping(node, field, BackendKeys);
        // The label names the backend's folder in the run folder and its rows in every report.
        var labelNode = yaml.Required(map, "label", field);
        var label = yaml.String(labelNode, field + ".label");
        if (!SafeName.IsSafe(label)) throw yaml.Error(labelNode, field + ".label", SafeName.Problem(label));
        var plugin = yaml.String(yaml.Required(map, "plugin", field), field + ".plugin");
        string? modelId = null;
        if (YamlReader.Child(map, "model_id") is { } m)
        {
            modelId = yaml.String(m, field + ".model_id");
            if (string.IsNullOrWhiteSpace(modelId)) throw yaml.Error(m, field + ".model_id", "must be a name, e.g. flan-t5-student; leave the key out when no other backend runs the same weights");
        }
        var options = ImmutableSortedDictionary.Create<string, string>(StringComparer.OrdinalIgnoreCase);
        if (YamlReader.Child(map, "options") is { } o)
        {
            if (o is not YamlMappingNode om) throw yaml.Error(o, field + ".options", "must be a mapping of option: value");
            foreach (var (k, v) in om.Children)
            {
                var key = yaml.String(k, field + ".options");
                options = options.SetItem(key, yaml.String(v, $"{field}.options.{key}"));
            }
        }
        var batch = YamlReader.Child(map, "batch_size") is { } b ? yaml.Int(b, field + ".batch_size", 1, MaxBatchSize) : 1;
        var template = YamlReader.Child(map, "prompt_template") is { } t ? yaml.String(t, field + ".prompt_template") : defaultTemplate;
        CostConfig? cost = null;
        if (YamlReader.Child(map, "cost") is { } c)
        {
            var cm = yaml.Mapping(c, field + ".cost", CostKeys);
            double? Price(string key) => YamlReader.Child(cm, key) is { } p
                ? yaml.Number(p, $"{field}.cost.{key}", 0, key == "usd_per_hour" ? MaxUsdPerHour : MaxUsdPer1kTokens)
                : null;
            cost = new CostConfig(Price("usd_per_hour"), Price("usd_per_1k_input_tokens"), Price("usd_per_1k_output_tokens"));
            if (cost.UsdPerHour is not null && (cost.UsdPer1kInputTokens is not null || cost.UsdPer1kOutputTokens is not null))
                throw yaml.Error(c, field + ".cost", "give either usd_per_hour (local model) or token prices (API model), not both");
            if (cost == new CostConfig(null, null, null))
                throw yaml.Error(c, field + ".cost", "needs usd_per_hour or usd_per_1k_input_tokens / usd_per_1k_output_tokens");
        }
        BackendIsolation? isolation = null;
        if (YamlReader.Child(map, "isolation") is { } iso)
        {
            isolation = yaml.String(iso, field + ".isolation") switch
            {
                "in-process" => BackendIsolation.InProcess,
                "process" => BackendIsolation.Process,
                var other => throw yaml.Error(iso, field + ".isolation", $"'{other}' is not an isolation; valid: in-process, process"),
            };
        }
        var qps = YamlReader.Child(map, "target_qps") is { } q ? yaml.Number(q, field + ".target_qps", 0, MaxTargetQps, exclusive: true) : (double?)null;
        var concurrency = YamlReader.Child(map, "concurrency") is { } n ? yaml.Int(n, field + ".concurrency", 1, BackendConfig.MaxConcurrency) : 1;
        return new BackendConfig(label, plugin, options, batch, template, cost, index, modelId, isolation, qps, concurrency);
    }
}
