using System.Globalization;

namespace Harness.Running.Sharding;

/// <summary>
/// <c>harness launch slurm</c>: writes into <c>RUN/slurm/</c> a job-array script (one shard per
/// array task, <c>--array=0-(n-1)</c>, the index from <c>SLURM_ARRAY_TASK_ID</c>), a merge script,
/// and <c>submit.sh</c>, which submits the array for the shards not finished yet and the merge with
/// <c>--dependency=afterok</c> on it. Running <c>submit.sh</c> again after a failure re-submits only
/// the missing shards.
/// </summary>
public static class SlurmLauncher
{
    public const string ShardsScript = "shards.sbatch";
    public const string MergeScript = "merge.sbatch";
    public const string SubmitScript = "submit.sh";

    /// <summary>Writes the scripts and returns their paths, <c>submit.sh</c> last.</summary>
    public static IReadOnlyList<string> Write(LaunchPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var directory = Folder(plan);
        Directory.CreateDirectory(directory);
        var last = (plan.Shards - 1).ToString(CultureInfo.InvariantCulture);
        var gpu = plan.NeedsGpu ? "#SBATCH --gres=gpu:1\n" : "";
        var shards = Path.Combine(directory, ShardsScript);
        AtomicFile.WriteAllText(shards,
            "#!/bin/sh\n" +
            $"#SBATCH --job-name=harness-{plan.RunId}\n" +
            $"#SBATCH --array=0-{last}\n" +
            gpu +
            $"# One shard of run {plan.RunId} per array task: harness eval --shard $SLURM_ARRAY_TASK_ID/{plan.Shards}.\n" +
            "# Submit with submit.sh beside it, which also submits the merge.\n" +
            plan.ShardScript("SLURM_ARRAY_TASK_ID") + "\n");
        var merge = Path.Combine(directory, MergeScript);
        AtomicFile.WriteAllText(merge,
            "#!/bin/sh\n" +
            $"#SBATCH --job-name=harness-{plan.RunId}-merge\n" +
            "#SBATCH --kill-on-invalid-dep=yes\n" +
            $"# Merges the {plan.Shards} shards of run {plan.RunId} once all have succeeded (submit.sh gives it --dependency=afterok).\n" +
            plan.MergeScript() + "\n");
        var submit = Path.Combine(directory, SubmitScript);
        var logs = ShellWords.Quote(Path.Combine(directory, "logs"));
        AtomicFile.WriteAllText(submit, string.Join('\n',
            "#!/bin/sh",
            $"# Submits run {plan.RunId} to Slurm: the shards not finished yet as a job array, then the merge",
            "# once they all succeeded (--dependency=afterok). Run it again to resume: only missing shards are submitted.",
            "set -eu",
            $"mkdir -p {logs}",
            $"if [ -f {ShellWords.Quote(Path.Combine(plan.RunDirectory, Runs.RunLayout.RunFile))} ]; then echo \"already merged: {plan.RunDirectory}\"; exit 0; fi",
            plan.MissingShardsScript(),
            "dependency=",
            "if [ -n \"$missing\" ]; then",
            "  # The script's own --array=0-" + last + " when none has finished; only the missing ones otherwise.",
            "  array=",
            "  if [ \"$finished\" -gt 0 ]; then array=--array=$missing; fi",
            $"  job=$(sbatch --parsable $array --output={logs}/shard-%a-%A.out {ShellWords.Quote(shards)})",
            "  job=${job%%;*}",
            $"  echo \"submitted shards $missing of {plan.Shards} as job array $job\"",
            "  dependency=--dependency=afterok:$job",
            "fi",
            $"merge=$(sbatch --parsable $dependency --output={logs}/merge-%j.out {ShellWords.Quote(merge)})",
            "echo \"submitted the merge as job ${merge%%;*}\"") + "\n");
        foreach (var file in new[] { shards, merge, submit })
            MakeExecutable(file);
        return [shards, merge, submit];
    }

    /// <summary>Where the scripts go: <c>RUN/slurm</c>.</summary>
    public static string Folder(LaunchPlan plan) => Path.Combine(plan.RunDirectory, "slurm");

    internal static void MakeExecutable(string file)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(file, File.GetUnixFileMode(file) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
    }
}
