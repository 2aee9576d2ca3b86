using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Harness.Running;

/// <summary>
/// <c>run.json</c>: what a run was (config, dataset, backends and their model hashes)
/// and where it ran. Written at the start and updated as backends start; <c>--resume</c>
/// reads it back and refuses when the config, the dataset or a model changed.
/// </summary>
public sealed class RunManifest
{
    public const string Schema = "harness.run/v1";

    public required string RunId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string ConfigPath { get; init; }
    public required string ConfigSha256 { get; init; }
    public required string ConfigText { get; init; }
    public required string DatasetPath { get; init; }
    public required string DatasetSha256 { get; init; }
    public required int Rows { get; init; }
    public RunEnvironment? Environment { get; init; }

    /// <summary>The harness version that wrote the run (<c>harness_version</c>); null in files written before it was read back.</summary>
    public string? HarnessVersion { get; init; } = Harness.HarnessVersion.Current;

    /// <summary>The config's floor, ceiling and teacher backend labels, so a rebuilt report draws the same reference lines.</summary>
    public string? Floor { get; init; }

    public string? Ceiling { get; init; }

    public string? Teacher { get; init; }

    /// <summary>Per backend label: what was started (model hash, device) or why it failed.</summary>
    public Dictionary<string, BackendEntry> Backends { get; init; } = new(StringComparer.Ordinal);

    /// <summary>One backend as started; <paramref name="PluginVersion"/> is null in run folders written before it was recorded.</summary>
    public sealed record BackendEntry(string Plugin, string? Model, string? ModelSha256, string? Device, string? Error, string? PluginVersion = null);

    /// <summary>Refuses to resume <paramref name="previous"/> when the config or the dataset differ from this run's.</summary>
    public void CheckResumable(RunManifest previous, string manifestPath)
    {
        if (previous.ConfigSha256 != ConfigSha256)
            throw new InputException($"{manifestPath}: cannot resume: the config changed since the run started (sha256 {Short(previous.ConfigSha256)} -> {Short(ConfigSha256)}); restore it or start a new run.");
        if (previous.HarnessVersion is { } before && before != HarnessVersion)
            throw new InputException($"{manifestPath}: cannot resume: the run was started by harness {before} and this is {HarnessVersion}; scores from two versions are not one run's. Start a new run (another --run-id), or resume with harness {before}.");
        if (previous.DatasetSha256 != DatasetSha256 || previous.Rows != Rows)
            throw new InputException($"{manifestPath}: cannot resume: the dataset {DatasetPath} changed since the run started (sha256 {Short(previous.DatasetSha256)} -> {Short(DatasetSha256)}); restore it or start a new run.");
    }

    /// <summary>Refuses to resume backend <paramref name="label"/> when its plugin version or its model hash changed.</summary>
    public void CheckModel(RunManifest? previous, string label, string? modelSha256, string manifestPath, string? pluginVersion = null)
    {
        if (previous?.Backends.GetValueOrDefault(label) is not { } started) return;
        if (started.PluginVersion is { } version && pluginVersion is not null && version != pluginVersion)
            throw new InputException($"{manifestPath}: cannot resume: backend '{label}' ran on {started.Plugin} {version} and the plugin now is {pluginVersion}; start a new run (another --run-id) or restore that plugin version.");
        if (started is not { Error: null } before) return;
        if (before.ModelSha256 != modelSha256)
            throw new InputException($"{manifestPath}: cannot resume: backend '{label}' model changed since the run started (sha256 {Short(before.ModelSha256)} -> {Short(modelSha256)}); restore it or start a new run.");
    }

    private static string Short(string? sha) => sha is null ? "none" : sha[..Math.Min(12, sha.Length)];

    public void Write(string path)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("id", RunId);
            w.WriteString("started_at", StartedAt.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("harness_version", HarnessVersion);
            w.WriteStartObject("config");
            w.WriteString("path", ConfigPath);
            w.WriteString("sha256", ConfigSha256);
            w.WriteString("text", ConfigText);
            w.WriteEndObject();
            w.WriteStartObject("dataset");
            w.WriteString("path", DatasetPath);
            w.WriteString("sha256", DatasetSha256);
            w.WriteNumber("rows", Rows);
            w.WriteEndObject();
            if (Environment is not null) RunEnvironment.WriteJson(w, Environment);
            w.WriteString("floor", Floor);
            w.WriteString("ceiling", Ceiling);
            w.WriteString("teacher", Teacher);
            w.WriteStartObject("backends");
            foreach (var (label, b) in Backends)
            {
                w.WriteStartObject(label);
                w.WriteString("plugin", b.Plugin);
                w.WriteString("model", b.Model);
                w.WriteString("model_sha256", b.ModelSha256);
                w.WriteString("device", b.Device);
                w.WriteString("error", b.Error);
                w.WriteString("plugin_version", b.PluginVersion);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        AtomicFile.WriteAllText(path, Encoding.UTF8.GetString(stream.ToArray()) + "\n");
    }

    public static RunManifest Read(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            static string? S(JsonElement e, string name) =>
                e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var backends = new Dictionary<string, BackendEntry>(StringComparer.Ordinal);
            if (root.TryGetProperty("backends", out var bs))
            {
                foreach (var b in bs.EnumerateObject())
                    backends[b.Name] = new BackendEntry(S(b.Value, "plugin") ?? "", S(b.Value, "model"), S(b.Value, "model_sha256"), S(b.Value, "device"), S(b.Value, "error"), S(b.Value, "plugin_version"));
            }
            var config = root.GetProperty("config");
            var dataset = root.GetProperty("dataset");
            return new RunManifest
            {
                RunId = S(root, "id") ?? "",
                StartedAt = DateTimeOffset.Parse(S(root, "started_at") ?? "", CultureInfo.InvariantCulture),
                ConfigPath = S(config, "path") ?? "",
                ConfigSha256 = S(config, "sha256") ?? "",
                ConfigText = S(config, "text") ?? "",
                DatasetPath = S(dataset, "path") ?? "",
                DatasetSha256 = S(dataset, "sha256") ?? "",
                Rows = dataset.GetProperty("rows").GetInt32(),
                HarnessVersion = S(root, "harness_version"),
                Floor = S(root, "floor"),
                Ceiling = S(root, "ceiling"),
                Teacher = S(root, "teacher"),
                Backends = backends,
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InputException($"{path}: not a readable run.json ({ex.Message.ReplaceLineEndings(" ")}); start a new run instead of --resume.");
        }
    }
}
