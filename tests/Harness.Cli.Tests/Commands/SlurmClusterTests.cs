namespace Harness.Cli.Tests.Commands;

/// <summary>
/// <c>harness launch slurm</c> on a real single-node Slurm cluster the test starts (<see cref="SlurmCluster"/>):
/// submit.sh runs the job array and the dependent merge, which reproduce the unsharded run; a shard that
/// fails leaves the merge cancelled, and submitting again runs only that shard and the merge.
/// </summary>
[NonParallelizable]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class SlurmClusterTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    [Test]
    public void A_job_array_with_a_failed_shard_resumed_by_submitting_again_merges_into_the_unsharded_run()
    {
        using var folder = new DatasetFixture();
        using var cluster = SlurmCluster.Start();
        var config = folder.Write("eval.yaml", ShardCommandTests.ConfigText());
        var unsharded = folder.PathOf("unsharded");
        Assert.That(CliRunner.Run("eval", "--config", config, "--out", unsharded).ExitCode, Is.EqualTo(0));
        var run = folder.PathOf("r1");
        var launched = CliRunner.Run("launch", "slurm", "--config", config, "--shards", "3", "--out", run, "--harness", HarnessProcess.Command);
        var submit = Path.Combine(run, "slurm", "submit.sh");
        // Shard 1 fails: its folder holds a run.json it cannot resume.
        var shard1 = Path.Combine(run, "shards", "shard-1");
        Directory.CreateDirectory(shard1);
        File.WriteAllText(Path.Combine(shard1, "run.json"), "{\"id\":");

        var first = HarnessProcess.Script(submit, cluster.Environment);
        cluster.WaitUntil(() => cluster.Idle, Limit, "the first submission to end");
        var doneAfterFirst = Enumerable.Range(0, 3).Select(i => File.Exists(Path.Combine(run, "shards", $"shard-{i}", "shard.done"))).ToList();
        var mergedAfterFirst = File.Exists(Path.Combine(run, "run.json"));
        Directory.Delete(shard1, recursive: true);
        var second = HarnessProcess.Script(submit, cluster.Environment);
        cluster.WaitUntil(() => cluster.Idle, Limit, "the resubmission to end");

        Assert.That(launched.ExitCode, Is.EqualTo(0), launched.Stderr);
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Stderr);
        Assert.That(first.Stdout, Does.Contain("submitted shards 0,1,2 of 3 as job array"));
        Assert.That(doneAfterFirst, Is.EqualTo(new[] { true, false, true }), "shards 0 and 2 ran; shard 1 failed");
        Assert.That(mergedAfterFirst, Is.False, "the merge waits on afterok and is cancelled when a shard fails");
        Assert.That(second.ExitCode, Is.EqualTo(0), second.Stderr);
        Assert.That(second.Stdout, Does.Contain("submitted shards 1 of 3 as job array"));
        Assert.That(File.Exists(Path.Combine(run, "run.json")), Is.True, "merged: " + string.Join('\n', Directory.GetFiles(Path.Combine(run, "slurm", "logs")).Select(File.ReadAllText)));
        ShardCommandTests.AssertSameAsUnsharded(unsharded, run);
    }
}
