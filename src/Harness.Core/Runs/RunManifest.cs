using System.Globalization;
using System.Text.Json;
using Harness.Json;
using Harness.Json.Files;

namespace Harness.Runs;

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

    /// <summary>The share of the rows this run ran (<c>--shard i/n</c>), or null for the whole run; <see cref="Rows"/> counts the whole run's rows.</summary>
    public Shard? Shard { get; init; }

    /// <summary>A run merged from shards: where each shard ran; null for a run that was not merged.</summary>
    public IReadOnlyList<ShardPart>? Shards { get; init; }

    /// <summary>One shard of a merged run: its index, the folder it was merged from, when it started and where it ran.</summary>
    public sealed record ShardPart(int Index, string Folder, DateTimeOffset StartedAt, RunEnvironment? Environment);

    /// <summary>Per backend label: what was started (model hash, device) or why it failed.</summary>
    public Dictionary<string, BackendEntry> Backends { get; init; } = new(StringComparer.Ordinal);

    /// <summary>One backend as started; <paramref name="PluginVersion"/> is null in run folders written before it was recorded.</summary>
    /// <param name="Plugin">The plugin name the config gave.</param>
    /// <param name="Model">The model the backend loaded, or null when it did not start.</param>
    /// <param name="ModelSha256">The model's hash, or null when it did not start.</param>
    /// <param name="Device">The device it ran on, or null when it did not start.</param>
    /// <param name="Error">Why it failed, or null.</param>
    /// <param name="PluginVersion">The plugin's version.</param>
    /// <param name="Batching">Whether the backend batches (<c>SupportsBatching</c>), which decides a single-stream intent's latency; null when not started or in older files.</param>
    public sealed record BackendEntry(string Plugin, string? Model, string? ModelSha256, string? Device, string? Error, string? PluginVersion = null, bool? Batching = null);

    /// <summary>Refuses to resume <paramref name="previous"/> when the config or the dataset differ from this run's.</summary>
    public void CheckResumable(RunManifest previous, string manifestPath)
    {
        if (previous.ConfigSha256 != ConfigSha256)
            throw new InputException($"{manifestPath}: cannot resume: the config changed since the run started (sha256 {Short(previous.ConfigSha256)} -> {Short(ConfigSha256)}); restore it or start a new run.");
        if (previous.HarnessVersion is { } before && before != HarnessVersion)
            throw new InputException($"{manifestPath}: cannot resume: the run was started by harness {before} and this is {HarnessVersion}; scores from two versions are not one run's. Start a new run (another --run-id), or resume with harness {before}.");
        if (previous.DatasetSha256 != DatasetSha256 || previous.Rows != Rows)
            throw new InputException($"{manifestPath}: cannot resume: the dataset {DatasetPath} changed since the run started (sha256 {Short(previous.DatasetSha256)} -> {Short(DatasetSha256)}); restore it or start a new run.");
        if (previous.Shard != Shard)
            throw new InputException($"{manifestPath}: cannot resume: this folder holds {Describe(previous.Shard)} and this is {Describe(Shard)}; resume each shard in its own folder.");
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

    private static string Describe(Shard? shard) => shard is null ? "a whole run" : $"shard {shard}";

    private static string Short(string? sha) => sha is null ? "none" : sha[..Math.Min(12, sha.Length)];

    public void Write(string path)
    {
        var json = new RunFileJson
        {
            Schema = Schema,
            Id = RunId,
            StartedAt = StartedAt.ToString("O", CultureInfo.InvariantCulture),
            HarnessVersion = HarnessVersion,
            Config = new() { Path = ConfigPath, Sha256 = ConfigSha256, Text = ConfigText },
            Dataset = new() { Path = DatasetPath, Sha256 = DatasetSha256, Rows = Rows },
            Shard = Shard is null ? null : new() { Index = Shard.Index, Count = Shard.Count },
            Environment = Environment is null ? null : Environment.ToJson(),
            Floor = Floor,
            Ceiling = Ceiling,
            Teacher = Teacher,
            Backends = Backends.ToDictionary(
                b => b.Key,
                b => new RunFileJson.RunBackendJson { Plugin = b.Value.Plugin, Model = b.Value.Model, ModelSha256 = b.Value.ModelSha256, Device = b.Value.Device, Error = b.Value.Error, PluginVersion = b.Value.PluginVersion, Batching = b.Value.Batching },
                StringComparer.Ordinal),
            Shards = Shards?.Select(p => new RunFileJson.RunShardPartJson
            {
                Index = p.Index, Folder = p.Folder, StartedAt = p.StartedAt.ToString("O", CultureInfo.InvariantCulture), Environment = p.Environment?.ToJson(),
            }).ToList(),
        };
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(json, OwnedFiles.Indented.RunFileJson) + "\n");
    }

    /// <summary>
    /// Reads a run.json for <c>--resume</c>: the config and the dataset must be there to compare.
    /// </summary>
    /// <exception cref="InputException">The file cannot be read as a run; the message says to start a new run.</exception>
    public static RunManifest Read(string path)
    {
        RunFileJson? json;
        try
        {
            json = JsonSerializer.Deserialize(File.ReadAllBytes(path), OwnedFiles.Indented.RunFileJson);
            if (json?.Config is null || json.Dataset?.Rows is null) throw new FormatException("the config or the dataset is missing");
            return From(json);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw new InputException($"{path}: not a readable run.json ({ex.Message.ReplaceLineEndings(" ")}); start a new run instead of --resume.");
        }
    }

    /// <summary>
    /// Reads whatever a run.json holds, for reports of a run folder: missing keys read as empty.
    /// The one reader of run.json (<see cref="Read"/> checks more on top of it).
    /// </summary>
    /// <exception cref="InputException">The file is not JSON; the message names it.</exception>
    public static RunManifest Load(string path)
    {
        try
        {
            return From(JsonSerializer.Deserialize(File.ReadAllBytes(path), OwnedFiles.Indented.RunFileJson) ?? new RunFileJson());
        }
        catch (JsonException ex)
        {
            throw new InputException($"{path}: not valid JSON ({JsonErrors.FirstSentence(ex)}).", ex);
        }
        catch (FormatException ex)
        {
            throw new InputException($"{path}: not a readable run.json ({ex.Message})", ex);
        }
    }

    private static RunManifest From(RunFileJson json)
    {
        var backends = new Dictionary<string, BackendEntry>(StringComparer.Ordinal);
        foreach (var (label, b) in json.Backends ?? [])
            backends[label] = new BackendEntry(b.Plugin ?? "", b.Model, b.ModelSha256, b.Device, b.Error, b.PluginVersion, b.Batching);
        return new RunManifest
        {
            RunId = json.Id ?? "",
            StartedAt = json.StartedAt is { } started ? DateTimeOffset.Parse(started, CultureInfo.InvariantCulture) : default,
            ConfigPath = json.Config?.Path ?? "",
            ConfigSha256 = json.Config?.Sha256 ?? "",
            ConfigText = json.Config?.Text ?? "",
            DatasetPath = json.Dataset?.Path ?? "",
            DatasetSha256 = json.Dataset?.Sha256 ?? "",
            Rows = json.Dataset?.Rows ?? 0,
            Environment = json.Environment is { } environment ? RunEnvironment.FromJson(environment) : null,
            HarnessVersion = json.HarnessVersion,
            Floor = json.Floor,
            Ceiling = json.Ceiling,
            Teacher = json.Teacher,
            Backends = backends,
            Shard = json.Shard is null ? null
                : json.Shard is { Index: { } index, Count: { } count } && count is >= 1 and <= Shard.MaxCount && index >= 0 && index < count ? new Shard(index, count)
                : throw new FormatException("shard: expected an index from 0 to count-1 and a count of at least 1"),
            Shards = json.Shards?.Select(p => new ShardPart(
                p.Index ?? 0, p.Folder ?? "", p.StartedAt is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : default,
                p.Environment is { } e ? RunEnvironment.FromJson(e) : null)).ToList(),
        };
    }
}
