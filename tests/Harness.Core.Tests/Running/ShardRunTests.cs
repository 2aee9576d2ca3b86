using Harness.Core.Tests.Running.Support;
using Harness.Plugins;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Core.Tests.Running;

/// <summary>
/// <c>--shard i/n</c>: every n-th row from the i-th, balanced and the same wherever it runs; the run's
/// warm-up intents stay its first rows, recorded as warm-up in whichever shard holds them, and a
/// shard warms its backend with the others, unrecorded, before its first timed call.
/// </summary>
public class ShardRunTests
{
    private const string OneBackend = "  - label: fake\n    plugin: Fake\n    batch_size: 4";

    [TestCase(10, 3)]
    [TestCase(12, 5)]
    [TestCase(3, 7)]
    [TestCase(1, 1)]
    public void Shards_are_disjoint_complete_and_differ_in_size_by_at_most_one(int rows, int count)
    {
        var all = Enumerable.Range(0, rows).ToList();
        var shares = Enumerable.Range(0, count).Select(i => new Shard(i, count).Select(all).ToList()).ToList();

        Assert.That(shares.SelectMany(s => s).Order(), Is.EqualTo(all), "every row once");
        Assert.That(shares.Max(s => s.Count) - shares.Min(s => s.Count), Is.LessThanOrEqualTo(1));
        Assert.That(shares[0], Is.EqualTo(all.Where(r => r % count == 0)), "by position: the same rows on any machine");
    }

    [TestCase("0/1", 0, 1)]
    [TestCase("2/3", 2, 3)]
    public void A_shard_reads_as_index_slash_count(string text, int index, int count) =>
        Assert.That(Shard.Parse(text, "--shard"), Is.EqualTo(new Shard(index, count)));

    [TestCase("3/3")]
    [TestCase("-1/3")]
    [TestCase("1/0")]
    [TestCase("1")]
    [TestCase("a/b")]
    [TestCase("1/3/4")]
    [TestCase("0/10001")]
    public void Anything_else_is_an_input_error_naming_the_option(string text)
    {
        var error = Assert.Throws<InputException>(() => Shard.Parse(text, "--shard"))!;

        Assert.That(error.Message, Does.StartWith($"--shard {text}: expected i/n"));
    }

    [Test]
    public async Task A_shard_records_the_run_warm_ups_it_holds_and_warms_up_unrecorded_on_the_others()
    {
        using var run = new RunFixture(rows: 12);
        var fake = new FakeBackendFactory("Fake", run.Dataset);
        var config = run.Config(OneBackend, "warmup: 4\nscenarios: [single-stream]\nreports: []");
        var options = run.Options(BackendCatalog.Of(fake)) with { Shard = new Shard(1, 3) };

        var report = await run.RunAsync(config, options);

        var ids = run.Dataset.Rows.Select(r => r.Id).ToList();
        var calls = report.Results.Single().Calls;
        Assert.That(calls.Select(c => c.IntentId).Distinct(), Is.EqualTo(new[] { ids[1], ids[4], ids[7], ids[10] }));
        Assert.That(calls.Where(c => c.Warmup).Select(c => c.IntentId).Distinct(), Is.EqualTo(new[] { ids[1] }), "row 1 is one of the run's 4 warm-up rows");
        var sent = fake.Calls.Select(c => c.Id).ToList();
        var warming = 3 * ToolSchema.All.Length;
        Assert.That(sent.Take(warming).Distinct(), Is.EquivalentTo(new[] { ids[0], ids[2], ids[3] }), "the other warm-up rows first, unrecorded");
        Assert.That(sent.Skip(warming), Is.EqualTo(calls.Select(c => c.IntentId)));
        Assert.That(report.Results.Single().Metrics.Latency!.PerIntent.Count, Is.EqualTo(3));
        var manifest = RunManifest.Load(Path.Combine(options.RunDirectory, RunLayout.RunFile));
        Assert.That((manifest.Shard, manifest.Rows, manifest.Backends["fake"].Batching), Is.EqualTo((new Shard(1, 3), 12, true)));
    }
}
