using Harness.History;

namespace Harness.Cli.Tests.Commands;

/// <summary><c>harness eval</c> records each finished run in the run store, and a store it cannot write never costs the run.</summary>
public class EvalHistoryTests : SmallSplitTest
{
    private string Config() => Fixture.Write("eval.yaml",
        "dataset: test.jsonl\nwarmup: 0\nscenarios: [single-stream]\nreports: []\nbackends:\n  - label: teacher\n    plugin: Replay\n    options: { dataset: test.jsonl }\n");

    [Test]
    public void Eval_records_each_finished_run_in_history_db_beside_its_folder()
    {
        var config = Config();
        foreach (var id in new[] { "r1", "r2" })
        {
            var result = CliRunner.Run("eval", "--config", config, "--out", Fixture.PathOf("reports/" + id));
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
            Assert.That(result.Stdout, Does.Contain($"history: recorded run {id} in {Fixture.PathOf("reports/history.db")}"));
        }

        using var store = RunStore.Open(Fixture.PathOf("reports/history.db"));
        Assert.That(store.Entries().Select(e => (e.RunId, e.Label, e.Scenario, e.Overall)),
            Is.EqualTo(new[] { ("r1", "teacher", "single-stream", 1.0), ("r2", "teacher", "single-stream", 1.0) }));
    }

    [Test]
    public void A_store_that_cannot_be_written_is_a_warning_and_the_run_is_kept()
    {
        var notAStore = Fixture.Write("history.db", "this file is no database, and the store cannot be opened in it at all.....");

        var result = CliRunner.Run("eval", "--config", Config(), "--out", Fixture.PathOf("reports/r1"), "--history", notAStore);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stderr, Does.Contain($"warning: the run was not recorded in the history {notAStore}").And.Contain($"record it later with harness history record {Fixture.PathOf("reports/r1")} --store {notAStore}"));
        Assert.That(File.Exists(Fixture.PathOf("reports/r1/teacher/single-stream/metrics.json")), Is.True);
    }
}
