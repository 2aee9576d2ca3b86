using YamlDotNet.RepresentationModel;

namespace Harness.Cli.Tests.Commands;

/// <summary>
/// <c>harness launch slurm|k8s</c>: the job-array script and the Indexed Job manifest, their shard
/// commands run here as processes (with the index variable Slurm or Kubernetes would set), reproduce the
/// unsharded run; submit.sh submits only the missing shards and the merge after them (through a
/// stand-in <c>sbatch</c> that records its arguments).
/// </summary>
public class LaunchCommandTests
{
    private string _directory = null!;

    [OneTimeSetUp]
    public void RunUnsharded()
    {
        _directory = Path.Combine(Path.GetTempPath(), "harness-launch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Config, ShardCommandTests.ConfigText());
        var whole = CliRunner.Run("eval", "--config", Config, "--out", Unsharded);
        Assert.That(whole.ExitCode, Is.EqualTo(0), whole.Stderr);
    }

    [OneTimeTearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    private string Config => Path.Combine(_directory, "eval.yaml");

    private string Unsharded => Path.Combine(_directory, "unsharded");

    private string Folder(string name) => Path.Combine(_directory, name);

    private CliRunner.Result Launch(string engine, string run, params string[] more) =>
        CliRunner.Run(["launch", engine, "--config", Config, "--shards", "3", "--out", run, "--harness", HarnessProcess.Command, .. more]);

    [Test]
    public void The_slurm_array_script_run_as_each_array_task_and_the_merge_script_reproduce_the_unsharded_run()
    {
        var run = Folder("slurm");
        var launched = Launch("slurm", run);
        var shards = Path.Combine(run, "slurm", "shards.sbatch");
        var text = File.ReadAllText(shards);

        var tasks = Enumerable.Range(0, 3).Select(i => HarnessProcess.Script(shards, ("SLURM_ARRAY_TASK_ID", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToList();
        var again = HarnessProcess.Script(shards, ("SLURM_ARRAY_TASK_ID", "1"));
        var merge = HarnessProcess.Script(Path.Combine(run, "slurm", "merge.sbatch"));

        Assert.That(launched.ExitCode, Is.EqualTo(0), launched.Stderr);
        Assert.That(text, Does.Contain("#SBATCH --array=0-2\n").And.Contain("i=\"$SLURM_ARRAY_TASK_ID\"").And.Contain("--shard \"$i/3\"").And.Not.Contain("--gres"));
        Assert.That(tasks.Select(t => t.ExitCode), Is.All.EqualTo(0), string.Join('\n', tasks.Select(t => t.Stderr)));
        Assert.That(again.Stdout, Does.StartWith($"shard 1/3 already finished: {Path.Combine(run, "shards", "shard-1")}"));
        Assert.That(merge.ExitCode, Is.EqualTo(0), merge.Stderr);
        ShardCommandTests.AssertSameAsUnsharded(Unsharded, run);
    }

    [Test]
    public void Submit_sends_the_array_and_a_merge_after_it_and_on_resume_only_the_missing_shards()
    {
        var run = Folder("submit");
        Assert.That(Launch("slurm", run).ExitCode, Is.EqualTo(0));
        var submit = Path.Combine(run, "slurm", "submit.sh");
        var bin = Folder("fake-slurm");
        Directory.CreateDirectory(bin);
        var log = Path.Combine(bin, "sbatch.log");
        // Records its arguments and answers as sbatch --parsable does: "jobid;cluster".
        File.WriteAllText(Path.Combine(bin, "sbatch"), "#!/bin/sh\necho \"$*\" >> \"$SBATCH_LOG\"\necho \"$((4200 + $(wc -l < \"$SBATCH_LOG\")));cluster\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(bin, "sbatch"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        (string, string)[] environment = [("PATH", bin + ":" + Environment.GetEnvironmentVariable("PATH")), ("SBATCH_LOG", log)];
        var shards = Path.Combine(run, "slurm", "shards.sbatch");

        var first = HarnessProcess.Script(submit, environment);
        var firstCalls = File.ReadAllLines(log);
        File.Delete(log);
        foreach (var i in new[] { "0", "2" })
            Assert.That(HarnessProcess.Script(shards, ("SLURM_ARRAY_TASK_ID", i)).ExitCode, Is.EqualTo(0));
        var resumed = HarnessProcess.Script(submit, environment);
        var resumedCalls = File.ReadAllLines(log);

        Assert.That(first.ExitCode, Is.EqualTo(0), first.Stderr);
        Assert.That(firstCalls, Is.EqualTo(new[]
        {
            $"--parsable --output={run}/slurm/logs/shard-%a-%A.out {shards}",
            $"--parsable --dependency=afterok:4201 --output={run}/slurm/logs/merge-%j.out {run}/slurm/merge.sbatch",
        }), "every shard: the script's own --array=0-2");
        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Stderr);
        Assert.That(resumed.Stdout, Does.Contain("submitted shards 1 of 3 as job array 4201"));
        Assert.That(resumedCalls, Is.EqualTo(new[]
        {
            $"--parsable --array=1 --output={run}/slurm/logs/shard-%a-%A.out {shards}",
            $"--parsable --dependency=afterok:4201 --output={run}/slurm/logs/merge-%j.out {run}/slurm/merge.sbatch",
        }));
    }

    [Test]
    public void The_kubernetes_indexed_job_run_at_each_completion_index_and_the_merge_job_reproduce_the_unsharded_run()
    {
        var run = Folder("k8s");
        // The dataset is in the repository and the run in the temporary folder: the volume is the whole file system here.
        var launched = Launch("k8s", run, "--image", "registry.example.com/harness:1", "--mount", Path.GetPathRoot(_directory)!);
        var (shards, merge) = Jobs(Path.Combine(run, "k8s", "jobs.yaml"));

        var spec = (YamlMappingNode)shards["spec"];
        var pods = Enumerable.Range(0, 3).Select(i => HarnessProcess.Shell(Script(shards), ("JOB_COMPLETION_INDEX", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToList();
        var merged = HarnessProcess.Shell(Script(merge));

        Assert.That(launched.ExitCode, Is.EqualTo(0), launched.Stderr);
        Assert.That(((YamlScalarNode)spec["completionMode"]).Value, Is.EqualTo("Indexed"));
        Assert.That(((YamlScalarNode)spec["completions"]).Value, Is.EqualTo("3"));
        Assert.That(Container(shards)["image"].ToString(), Is.EqualTo("registry.example.com/harness:1"));
        Assert.That(Container(shards).Children.ContainsKey("resources"), Is.False, "no GPU asked for");
        Assert.That(Script(shards), Does.Contain("i=\"$JOB_COMPLETION_INDEX\""));
        Assert.That(pods.Select(p => p.ExitCode), Is.All.EqualTo(0), string.Join('\n', pods.Select(p => p.Stderr)));
        Assert.That(merged.ExitCode, Is.EqualTo(0), merged.Stderr);
        ShardCommandTests.AssertSameAsUnsharded(Unsharded, run);
    }

    [Test]
    public void A_backend_on_cuda_gets_a_gpu_per_shard_on_both_engines()
    {
        File.WriteAllText(Folder("cuda.yaml"), ShardCommandTests.ConfigText(", device: cuda"));
        var run = Folder("cuda");

        var slurm = CliRunner.Run("launch", "slurm", "--config", Folder("cuda.yaml"), "--shards", "2", "--out", run);
        var k8s = CliRunner.Run("launch", "k8s", "--config", Folder("cuda.yaml"), "--shards", "2", "--out", run, "--image", "harness", "--mount", Path.GetPathRoot(_directory)!);
        var (shards, merge) = Jobs(Path.Combine(run, "k8s", "jobs.yaml"));

        Assert.That(slurm.ExitCode, Is.EqualTo(0), slurm.Stderr);
        Assert.That(File.ReadAllText(Path.Combine(run, "slurm", "shards.sbatch")), Does.Contain("#SBATCH --gres=gpu:1\n"));
        Assert.That(File.ReadAllText(Path.Combine(run, "slurm", "merge.sbatch")), Does.Not.Contain("--gres"));
        Assert.That(k8s.ExitCode, Is.EqualTo(0), k8s.Stderr);
        var resources = (YamlMappingNode)Container(shards)["resources"];
        Assert.That(resources["requests"]["nvidia.com/gpu"].ToString(), Is.EqualTo("1"));
        Assert.That(resources["limits"]["nvidia.com/gpu"].ToString(), Is.EqualTo("1"));
        Assert.That(Container(merge).Children.ContainsKey("resources"), Is.False, "the merge needs no GPU");
    }

    [Test]
    public void A_run_folder_outside_the_mounted_volume_and_a_bad_shard_count_are_input_errors()
    {
        var outside = CliRunner.Run("launch", "k8s", "--config", Config, "--shards", "2", "--out", Folder("k"), "--image", "harness", "--mount", Folder("elsewhere"));
        var none = CliRunner.Run("launch", "slurm", "--config", Config, "--shards", "0", "--out", Folder("s"));

        Assert.That(outside.ExitCode, Is.EqualTo(2));
        Assert.That(outside.ErrorLines.Single(), Does.StartWith($"error: --config {Config}: not under --mount {Folder("elsewhere")}; every pod sees only the volume mounted there"));
        Assert.That(none.ExitCode, Is.EqualTo(2));
        Assert.That(none.ErrorLines.Single(), Is.EqualTo("error: --shards 0: expected a number of shards from 1 to 10000."));
    }

    private static (YamlMappingNode Shards, YamlMappingNode Merge) Jobs(string manifest)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(manifest)) stream.Load(reader);
        Assert.That(stream.Documents, Has.Count.EqualTo(2), "the Indexed Job and the merge Job");
        var jobs = stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
        Assert.That(jobs.Select(j => j["kind"].ToString()), Is.All.EqualTo("Job"));
        return (jobs[0], jobs[1]);
    }

    private static YamlMappingNode Container(YamlMappingNode job) =>
        (YamlMappingNode)((YamlSequenceNode)job["spec"]["template"]["spec"]["containers"]).Children.Single();

    // The container runs ["/bin/sh", "-c", SCRIPT].
    private static string Script(YamlMappingNode job)
    {
        var command = ((YamlSequenceNode)Container(job)["command"]).Children.Select(c => c.ToString()).ToList();
        Assert.That(command[..2], Is.EqualTo(new[] { "/bin/sh", "-c" }));
        return command[2];
    }
}
