using Harness.Parsing;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Core.Tests.Running;

public class PredictionLogTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("harness-log-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static CallRecord Record(string id, ToolName tool) =>
        new(id, tool, "offline", "null", new ParsedOutput(tool, null), 1.5, 3, 1, null);

    [Test]
    public void Appended_calls_are_on_disk_at_once_and_read_back_on_resume()
    {
        var path = Path.Combine(_folder, "predictions.jsonl");
        using (var log = PredictionLog.Open(path, resume: false))
        {
            log.Append(Record("a", ToolName.Adjust));
            Assert.That(File.ReadAllLines(path), Has.Length.EqualTo(1), "flushed before the log is closed");
        }

        using var resumed = PredictionLog.Open(path, resume: true);

        Assert.That(resumed.ResumedCount, Is.EqualTo(1));
        Assert.That(resumed.IsDone("a", ToolName.Adjust), Is.True);
        Assert.That(resumed.IsDone("a", ToolName.Filter), Is.False);
    }

    [Test]
    public void A_line_torn_by_a_crash_is_cut_off_on_resume_so_its_call_runs_again()
    {
        var path = Path.Combine(_folder, "predictions.jsonl");
        using (var log = PredictionLog.Open(path, resume: false))
            log.Append(Record("a", ToolName.Adjust));
        File.AppendAllText(path, "{\"id\":\"b\",\"tool\":\"fil");

        using var resumed = PredictionLog.Open(path, resume: true);

        Assert.That(resumed.Records.Select(r => r.IntentId), Is.EqualTo(new[] { "a" }));
        Assert.That(File.ReadAllText(path), Does.EndWith("\n"));
    }

    [Test]
    public void An_existing_log_is_not_overwritten_without_resume()
    {
        var path = Path.Combine(_folder, "predictions.jsonl");
        using (var log = PredictionLog.Open(path, resume: false))
            log.Append(Record("a", ToolName.Adjust));

        var error = Assert.Throws<InputException>(() => PredictionLog.Open(path, resume: false));

        Assert.That(error!.Message, Does.Contain("--resume"));
    }
}
