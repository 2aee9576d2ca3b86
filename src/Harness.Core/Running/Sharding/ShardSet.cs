using Harness.Runs;

namespace Harness.Running.Sharding;

/// <summary>
/// The shard folders of one run, checked before anything is merged: each has a run.json written by
/// <c>harness eval --shard</c>; all record the same config, dataset, harness version, shard count and
/// model hashes; and each shard index appears exactly once. Any other set is an
/// <see cref="InputException"/> naming the folder.
/// </summary>
internal sealed class ShardSet
{
    private ShardSet(IReadOnlyList<ShardFolder> folders) => Folders = folders;

    /// <summary>The shards in index order.</summary>
    public IReadOnlyList<ShardFolder> Folders { get; }

    /// <summary>Shard 0's manifest, which every other one agrees with.</summary>
    public RunManifest First => Folders[0].Manifest;

    public static ShardSet Read(IReadOnlyList<string> directories)
    {
        if (directories.Count == 0) throw new InputException("harness merge: pass the shard folders of one run (written by harness eval --shard i/n).");
        var folders = directories.Select(ShardFolder.Read).ToList();
        var reference = folders[0];
        foreach (var folder in folders.Skip(1))
            CheckSameRun(reference, folder);

        var count = reference.Shard.Count;
        foreach (var group in folders.GroupBy(f => f.Shard.Index).Where(g => g.Count() > 1))
            throw new InputException($"{group.ElementAt(1).Directory}: duplicate shard {group.Key}/{count}: {string.Join(" and ", group.Select(f => f.Directory))} are both that shard; pass each shard folder once.");
        var missing = Enumerable.Range(0, count).Where(i => folders.All(f => f.Shard.Index != i)).ToList();
        if (missing.Count > 0)
            throw new InputException(
                $"missing shard{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(i => $"{i}/{count}"))} of run {reference.Manifest.RunId}: " +
                $"given {string.Join(", ", folders.OrderBy(f => f.Shard.Index).Select(f => $"{f.Directory} ({f.Shard})"))}; run the missing shards (harness eval --shard i/{count}) and pass every shard folder.");
        return new ShardSet([.. folders.OrderBy(f => f.Shard.Index)]);
    }

    // The same run: the same config, dataset and harness, the same n, and the same model behind each label.
    private static void CheckSameRun(ShardFolder reference, ShardFolder folder)
    {
        var (a, b) = (reference.Manifest, folder.Manifest);
        void Differs(string what, string? first, string? other) =>
            throw new InputException($"{folder.Directory}: not a shard of the same run as {reference.Directory}: {what} differs ({first ?? "none"} in {reference.Directory}, {other ?? "none"} here).");

        if (a.ConfigSha256 != b.ConfigSha256) Differs("the config's sha256", a.ConfigSha256, b.ConfigSha256);
        if (a.DatasetSha256 != b.DatasetSha256) Differs("the dataset's sha256", a.DatasetSha256, b.DatasetSha256);
        if (a.Rows != b.Rows) Differs("the number of rows", a.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (a.HarnessVersion != b.HarnessVersion) Differs("the harness version", a.HarnessVersion, b.HarnessVersion);
        if (reference.Shard.Count != folder.Shard.Count) Differs("the number of shards", reference.Shard.ToString(), folder.Shard.ToString());
        foreach (var (label, entry) in b.Backends)
        {
            if (a.Backends.GetValueOrDefault(label) is not { } other) continue;
            if (entry.Error is null && other.Error is null && entry.ModelSha256 != other.ModelSha256)
                Differs($"backend '{label}' model sha256", other.ModelSha256, entry.ModelSha256);
            if (entry.PluginVersion is not null && other.PluginVersion is not null && entry.PluginVersion != other.PluginVersion)
                Differs($"backend '{label}' plugin version ({entry.Plugin})", other.PluginVersion, entry.PluginVersion);
        }
    }
}
