using System.Globalization;
using Harness.Runs;

namespace Harness.Running.Sharding;

/// <summary>
/// What the Slurm and Kubernetes launchers share: a run of <see cref="Config"/> split into
/// <see cref="Shards"/> shards, each in <c>RUN/shards/shard-i</c>, merged into the run folder
/// <see cref="RunDirectory"/>. Each shard's script skips a shard that finished (its
/// <see cref="DoneFile"/>), resumes one that started, and runs the rest, so that submitting the
/// run again runs only what is missing.
/// </summary>
/// <param name="Config">The evaluation config.</param>
/// <param name="Shards">How many shards.</param>
/// <param name="RunDirectory">The merged run folder (absolute); its folder name is the run id.</param>
/// <param name="Harness">The command that runs the harness on a node, e.g. <c>dotnet /opt/harness/harness.dll</c> (a shell command prefix).</param>
/// <param name="Plugins">The plugin folder to pass on (<c>--plugins</c>), or null for the harness's default.</param>
public sealed record LaunchPlan(EvalConfig Config, int Shards, string RunDirectory, string Harness, string? Plugins)
{
    /// <summary>The file a shard's script writes once its eval succeeded.</summary>
    public const string DoneFile = "shard.done";

    /// <summary>Checks the numbers; <see cref="RunDirectory"/> is made absolute.</summary>
    public static LaunchPlan Create(EvalConfig config, int shards, string runDirectory, string harness, string? plugins)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (shards is < 1 or > Shard.MaxCount)
            throw new InputException($"--shards {shards.ToString(CultureInfo.InvariantCulture)}: expected a number of shards from 1 to {Shard.MaxCount}.");
        if (string.IsNullOrWhiteSpace(harness))
            throw new InputException("--harness: give the command that runs the harness on a node, e.g. \"dotnet /opt/harness/harness.dll\".");
        var full = Path.GetFullPath(runDirectory);
        var id = Path.GetFileName(Path.TrimEndingDirectorySeparator(full));
        if (!SafeName.IsSafe(id))
            throw new InputException($"--out {runDirectory}: {SafeName.Problem(id)}; the run id is the --out folder's name.");
        return new LaunchPlan(config, shards, full, harness.Trim(), plugins is null ? null : Path.GetFullPath(plugins));
    }

    /// <summary>The run id: the run folder's name.</summary>
    public string RunId => Path.GetFileName(Path.TrimEndingDirectorySeparator(RunDirectory));

    /// <summary>The folder of shard <paramref name="index"/>.</summary>
    public string ShardDirectory(int index) => Path.Combine(RunDirectory, "shards", ShardName(index.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Whether a backend asks for a CUDA device (<c>device: cuda</c>), so the shards need a GPU each.</summary>
    public bool NeedsGpu => Config.Backends.Any(b => b.Options.TryGetValue("device", out var device) && device.StartsWith("cuda", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The POSIX shell script of one shard whose index is in the environment variable
    /// <paramref name="indexVariable"/> (<c>SLURM_ARRAY_TASK_ID</c>, <c>JOB_COMPLETION_INDEX</c>).
    /// </summary>
    public string ShardScript(string indexVariable)
    {
        var count = Shards.ToString(CultureInfo.InvariantCulture);
        var eval = new List<string> { "eval", "--config", Config.SourcePath, "--run-id", RunId };
        if (Plugins is not null) eval.AddRange(["--plugins", Plugins]);
        return string.Join('\n',
            "set -eu",
            $"i=\"${indexVariable}\"",
            $"dir={ShellWords.Quote(Path.Combine(RunDirectory, "shards"))}/{ShardName("\"$i\"")}",
            $"if [ -f \"$dir/{DoneFile}\" ]; then echo \"shard $i/{count} already finished: $dir\"; exit 0; fi",
            "resume=",
            "if [ -f \"$dir/run.json\" ]; then resume=--resume; fi",
            $"{Harness} {ShellWords.Join(eval)} --shard \"$i/{count}\" --out \"$dir\" $resume",
            $"touch \"$dir/{DoneFile}\"");
    }

    /// <summary>The shell commands that merge the shards into the run folder (nothing to do when it is merged already).</summary>
    public string MergeScript()
    {
        var merge = new List<string> { "merge" };
        merge.AddRange(Enumerable.Range(0, Shards).Select(ShardDirectory));
        merge.AddRange(["--out", RunDirectory]);
        var runJson = ShellWords.Quote(Path.Combine(RunDirectory, RunLayout.RunFile));
        return string.Join('\n',
            "set -eu",
            $"if [ -f {runJson} ]; then echo \"already merged: {RunDirectory}\"; exit 0; fi",
            $"{Harness} {ShellWords.Join(merge)}");
    }

    /// <summary>
    /// POSIX shell lines that set <c>missing</c> to the indexes of the shards not finished yet,
    /// comma-separated (empty when none), and <c>finished</c> to the number of finished ones.
    /// </summary>
    public string MissingShardsScript() => string.Join('\n',
        "missing=",
        "finished=0",
        "i=0",
        $"while [ \"$i\" -lt {Shards.ToString(CultureInfo.InvariantCulture)} ]; do",
        $"  if [ -f {ShellWords.Quote(Path.Combine(RunDirectory, "shards"))}/{ShardName("\"$i\"")}/{DoneFile} ]; then finished=$((finished + 1)); else missing=\"$missing${{missing:+,}}$i\"; fi",
        "  i=$((i + 1))",
        "done");

    private static string ShardName(string index) => "shard-" + index;
}
