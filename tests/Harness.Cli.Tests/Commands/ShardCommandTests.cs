using System.Text.Json;
using System.Text.RegularExpressions;
using Harness.Runs;

namespace Harness.Cli.Tests.Commands;

/// <summary>
/// <c>harness eval --shard i/n</c> and <c>harness merge</c>: three shards run as separate processes and
/// merged give the unsharded run's predictions and quality metrics byte for byte (latency, a
/// measurement, aside); a set of folders that is not one run's complete shards is refused naming the folder.
/// </summary>
public class ShardCommandTests
{
    internal static readonly string[] Labels = ["teacher", "retrieval"];

    private string _directory = null!;

    [OneTimeSetUp]
    public void RunUnsharded()
    {
        _directory = Path.Combine(Path.GetTempPath(), "harness-shards-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Config, ConfigText());
        var whole = HarnessProcess.Run("eval", "--config", Config, "--out", Unsharded);
        Assert.That(whole.ExitCode, Is.EqualTo(0), whole.Stderr);
    }

    [OneTimeTearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    /// <summary>30 rows, 4 of them warm-up, through Replay (cost per hour) and Retrieval (batched).</summary>
    internal static string ConfigText(string extraOption = "") => string.Join('\n',
        $"dataset: {TonalColor.TestSplit}",
        "limit: 30",
        "warmup: 4",
        "reports: [markdown, json]",
        "backends:",
        $"  - {{ label: teacher, plugin: Replay, options: {{ dataset: {TonalColor.TestSplit}{extraOption} }}, cost: {{ usd_per_hour: 2 }} }}",
        $"  - {{ label: retrieval, plugin: Retrieval, options: {{ train: {TonalColor.TrainSplit} }}, batch_size: 8 }}") + "\n";

    private string Config => Path.Combine(_directory, "eval.yaml");

    private string Unsharded => Path.Combine(_directory, "unsharded");

    private string Folder(string name) => Path.Combine(_directory, name);

    private string[] RunShards(string prefix, int count, bool inProcess = false)
    {
        var folders = Enumerable.Range(0, count).Select(i => Folder($"{prefix}-{i}")).ToArray();
        for (var i = 0; i < count; i++)
        {
            string[] args = ["eval", "--config", Config, "--shard", $"{i}/{count}", "--out", folders[i]];
            var result = inProcess ? CliRunner.Run(args) : HarnessProcess.Run(args);
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        }
        return folders;
    }

    [Test]
    public void Three_shards_run_as_separate_processes_and_merged_equal_the_unsharded_run_byte_for_byte()
    {
        var shards = RunShards("process", 3);
        var merged = HarnessProcess.Run(["merge", .. shards, "--out", Folder("process-merged")]);

        Assert.That(merged.ExitCode, Is.EqualTo(0), merged.Stderr);
        Assert.That(merged.Stdout, Does.Contain("retrieval / offline: overall").And.Contain("shard 2: " + shards[2]));
        AssertSameAsUnsharded(Unsharded, Folder("process-merged"));
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder("process-merged"), "run.json")));
        Assert.That(run.RootElement.GetProperty("shards").EnumerateArray().Select(s => s.GetProperty("folder").GetString()), Is.EqualTo(shards));
        Assert.That(run.RootElement.GetProperty("shards")[1].GetProperty("environment").GetProperty("cpu_cores").GetInt32(), Is.EqualTo(Environment.ProcessorCount));
        Assert.That(File.ReadAllText(Path.Combine(Folder("process-merged"), "report.md")), Does.Contain("retrieval"));
    }

    [Test]
    public void Each_shard_records_which_shard_of_how_many_and_holds_every_third_row()
    {
        var shards = RunShards("record", 3, inProcess: true);

        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(shards[1], "run.json")));
        var shard = run.RootElement.GetProperty("shard");
        Assert.That((shard.GetProperty("index").GetInt32(), shard.GetProperty("count").GetInt32()), Is.EqualTo((1, 3)));
        Assert.That(run.RootElement.GetProperty("dataset").GetProperty("rows").GetInt32(), Is.EqualTo(30), "the whole run's rows");
        Assert.That(run.RootElement.GetProperty("backends").GetProperty("retrieval").GetProperty("model_sha256").GetString(), Has.Length.EqualTo(64));
        var unsharded = Ids(Path.Combine(Unsharded, "teacher", "offline", "predictions.jsonl")).Distinct().ToList();
        var ids = Ids(Path.Combine(shards[1], "teacher", "offline", "predictions.jsonl")).Distinct().ToList();
        Assert.That(ids, Is.EqualTo(unsharded.Where((_, i) => i % 3 == 1).ToList()));
        var warmup = File.ReadLines(Path.Combine(shards[1], "teacher", "offline", "predictions.jsonl")).Count(l => l.Contains("\"warmup\":true", StringComparison.Ordinal));
        Assert.That(warmup, Is.EqualTo(3), "of the run's 4 warm-up rows (0-3), row 1 is in shard 1: its 3 calls");
    }

    [Test]
    public void A_missing_shard_is_refused_naming_it()
    {
        var shards = RunShards("missing", 3, inProcess: true);

        var result = CliRunner.Run("merge", shards[0], shards[2], "--out", Folder("missing-merged"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.ErrorLines.Single(), Does.StartWith("error: missing shard 1/3 of run missing-0: given ").And.Contain($"{shards[2]} (2/3)"));
        Assert.That(Directory.Exists(Folder("missing-merged")) && File.Exists(Path.Combine(Folder("missing-merged"), "run.json")), Is.False);
    }

    [Test]
    public void A_duplicate_shard_is_refused_naming_both_folders()
    {
        var shards = RunShards("duplicate", 3, inProcess: true);
        var copy = Folder("duplicate-copy");
        CopyFolder(shards[1], copy);

        var result = CliRunner.Run("merge", shards[0], shards[1], copy, shards[2], "--out", Folder("duplicate-merged"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.ErrorLines.Single(), Is.EqualTo($"error: {copy}: duplicate shard 1/3: {shards[1]} and {copy} are both that shard; pass each shard folder once."));
    }

    [Test]
    public void A_shard_of_another_config_or_shard_count_is_refused_naming_its_folder()
    {
        var shards = RunShards("mismatch", 3, inProcess: true);
        var other = Folder("mismatch-other-config");
        File.WriteAllText(Folder("other.yaml"), ConfigText().Replace("limit: 30", "limit: 31", StringComparison.Ordinal));
        Assert.That(CliRunner.Run("eval", "--config", Folder("other.yaml"), "--shard", "1/3", "--out", other).ExitCode, Is.EqualTo(0));
        var four = Folder("mismatch-of-four");
        Assert.That(CliRunner.Run("eval", "--config", Config, "--shard", "1/4", "--out", four).ExitCode, Is.EqualTo(0));

        var config = CliRunner.Run("merge", shards[0], other, shards[2], "--out", Folder("mismatch-merged"));
        var count = CliRunner.Run("merge", shards[0], four, shards[2], "--out", Folder("mismatch-merged"));

        Assert.That(config.ExitCode, Is.EqualTo(2));
        Assert.That(config.ErrorLines.Single(), Does.StartWith($"error: {other}: not a shard of the same run as {shards[0]}: the config's sha256 differs ("));
        Assert.That(count.ExitCode, Is.EqualTo(2));
        Assert.That(count.ErrorLines.Single(), Is.EqualTo($"error: {four}: not a shard of the same run as {shards[0]}: the number of shards differs (0/3 in {shards[0]}, 1/4 here)."));
    }

    [Test]
    public void A_changed_model_hash_an_unfinished_shard_and_overlapping_rows_are_refused_naming_the_folder()
    {
        var shards = RunShards("broken", 3, inProcess: true);
        var runJson = Path.Combine(shards[2], "run.json");
        var original = File.ReadAllText(runJson);
        var sha = JsonDocument.Parse(original).RootElement.GetProperty("backends").GetProperty("retrieval").GetProperty("model_sha256").GetString()!;
        File.WriteAllText(runJson, original.Replace(sha, new string('0', 64), StringComparison.Ordinal));
        var model = CliRunner.Run(["merge", .. shards, "--out", Folder("broken-merged")]);
        File.WriteAllText(runJson, original);

        var predictions = Path.Combine(shards[1], "retrieval", "offline", "predictions.jsonl");
        var lines = File.ReadAllLines(predictions);
        File.WriteAllLines(predictions, lines[..^1]);
        var unfinished = CliRunner.Run(["merge", .. shards, "--out", Folder("broken-merged")]);
        File.WriteAllLines(predictions, [.. lines, File.ReadLines(Path.Combine(shards[0], "retrieval", "offline", "predictions.jsonl")).Last()]);
        var overlap = CliRunner.Run(["merge", .. shards, "--out", Folder("broken-merged")]);

        Assert.That(model.ExitCode, Is.EqualTo(2));
        Assert.That(model.ErrorLines.Single(), Does.StartWith($"error: {shards[2]}: not a shard of the same run as {shards[0]}: backend 'retrieval' model sha256 differs"));
        Assert.That(unfinished.ExitCode, Is.EqualTo(2));
        Assert.That(unfinished.ErrorLines.Single(), Is.EqualTo(
            $"error: {shards[1]}: shard 1/3 is not finished: backend 'retrieval' has 29 of its 30 calls in offline; finish it with harness eval --config {Config} --shard 1/3 --out {shards[1]} --resume, then merge again."));
        Assert.That(overlap.ExitCode, Is.EqualTo(2));
        Assert.That(overlap.ErrorLines.Single(), Does.StartWith($"error: {predictions}: row ").And.EndWith("belongs to shard 0/3, not 1/3; the shards overlap."));
    }

    [Test]
    public void A_bad_shard_option_and_a_folder_that_is_not_a_shard_are_input_errors()
    {
        var bad = CliRunner.Run("eval", "--config", Config, "--shard", "3/3", "--out", Folder("bad"));
        var notShard = CliRunner.Run("merge", Unsharded, "--out", Folder("not-shard-merged"));

        Assert.That(bad.ExitCode, Is.EqualTo(2));
        Assert.That(bad.ErrorLines.Single(), Is.EqualTo("error: --shard 3/3: expected i/n, the shard index i from 0 to n-1 of n shards (n from 1 to 10000), e.g. 0/4."));
        Assert.That(notShard.ExitCode, Is.EqualTo(2));
        Assert.That(notShard.ErrorLines.Single(), Is.EqualTo($"error: {Path.Combine(Unsharded, "run.json")}: not a shard (its run.json records no shard); pass the folders harness eval --shard i/n wrote."));
    }

    [Test]
    public void A_shard_resumes_only_as_the_same_shard()
    {
        var shards = RunShards("resume", 2, inProcess: true);

        var same = CliRunner.Run("eval", "--config", Config, "--shard", "0/2", "--out", shards[0], "--resume");
        var other = CliRunner.Run("eval", "--config", Config, "--shard", "1/2", "--out", shards[0], "--resume");

        Assert.That(same.ExitCode, Is.EqualTo(0), same.Stderr);
        Assert.That(other.ExitCode, Is.EqualTo(2));
        Assert.That(other.ErrorLines.Single(), Does.Contain("cannot resume: this folder holds shard 0/2 and this is shard 1/2"));
    }

    /// <summary>
    /// Every result of <paramref name="run"/> equals the unsharded one's: predictions.jsonl byte for byte once
    /// each latency_ms (a measurement) is blanked, metrics.json's subsets and parse byte for byte, and as many latency samples.
    /// </summary>
    internal static void AssertSameAsUnsharded(string unsharded, string run)
    {
        foreach (var label in Labels)
        {
            foreach (var scenario in ScenarioNames.All)
            {
                var what = $"{label}/{scenario}";
                Assert.That(Predictions(run, label, scenario), Is.EqualTo(Predictions(unsharded, label, scenario)), what + " predictions.jsonl");
                var (quality, samples) = Metrics(run, label, scenario);
                var (expectedQuality, expectedSamples) = Metrics(unsharded, label, scenario);
                Assert.That(quality, Is.EqualTo(expectedQuality), what + " quality");
                Assert.That(samples, Is.EqualTo(expectedSamples), what + " latency samples");
            }
        }
    }

    private static readonly Regex Latency = new("\"latency_ms\":[^,]+,", RegexOptions.Compiled);

    private static string Predictions(string run, string label, string scenario) =>
        Latency.Replace(File.ReadAllText(Path.Combine(run, label, scenario, "predictions.jsonl")), "\"latency_ms\":-,");

    private static (string Quality, string Samples) Metrics(string run, string label, string scenario)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, label, scenario, "metrics.json")));
        var root = doc.RootElement;
        var latency = root.GetProperty("latency_ms");
        return (root.GetProperty("subsets").GetRawText() + root.GetProperty("parse").GetRawText(),
            $"{latency.GetProperty("per_intent").GetProperty("count")} {latency.GetProperty("per_call").GetProperty("count")} cost {root.GetProperty("cost").ValueKind}");
    }

    private static IEnumerable<string> Ids(string predictions) =>
        File.ReadLines(predictions).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!);

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
