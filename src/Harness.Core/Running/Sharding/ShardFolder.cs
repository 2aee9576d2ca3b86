using Harness.Runs;

namespace Harness.Running.Sharding;

/// <summary>One folder written by <c>harness eval --shard i/n</c>, with its run.json.</summary>
internal sealed record ShardFolder(string Directory, RunManifest Manifest, Shard Shard)
{
    public static ShardFolder Read(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full)) throw new InputException($"{directory}: shard folder not found.");
        var path = Path.Combine(full, RunLayout.RunFile);
        if (!File.Exists(path)) throw new InputException($"{directory}: no {RunLayout.RunFile}; pass the folders harness eval --shard i/n wrote.");
        var manifest = RunManifest.Load(path);
        if (manifest.Shard is not { } shard || manifest.ConfigText.Length == 0)
            throw new InputException($"{path}: not a shard (its run.json records no shard); pass the folders harness eval --shard i/n wrote.");
        return new ShardFolder(directory, manifest, shard);
    }
}
