using System.Text.Json;

namespace Harness.Cli.Tests.Commands;

public class ScoreCommandTests : SmallSplitTest
{
    /// <summary>A predictions line that repeats the teacher's outputs of a dataset line, as JSON objects or as raw text.</summary>
    private static string TeacherLine(string row, bool asText)
    {
        using var doc = JsonDocument.Parse(row);
        var teacher = doc.RootElement.GetProperty("teacher");
        var outputs = asText
            ? JsonSerializer.Serialize(teacher.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText()))
            : teacher.GetRawText();
        return $"{{\"id\":\"{doc.RootElement.GetProperty("id").GetString()}\",\"outputs\":{outputs}}}";
    }

    private CliRunner.Result Score(string predictions, string outName = "out") =>
        CliRunner.Run("score", "--dataset", SplitPath, "--predictions", predictions, "--out", Fixture.PathOf(outName));

    [TestCase(false)]
    [TestCase(true)]
    public void Scoring_the_teachers_own_outputs_gives_one_everywhere(bool asText)
    {
        var predictions = Fixture.Write("teacher.jsonl", [.. DatasetFixture.SmallSplit().Select(r => TeacherLine(r, asText))]);
        var result = Score(predictions);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);

        using var metrics = JsonDocument.Parse(File.ReadAllText(Fixture.PathOf("out/metrics.json")));
        foreach (var subset in metrics.RootElement.GetProperty("subsets").EnumerateObject())
        {
            Assert.That(subset.Value.GetProperty("overall").GetDouble(), Is.EqualTo(1), subset.Name);
            foreach (var tool in subset.Value.GetProperty("tools").EnumerateObject())
            {
                Assert.That(tool.Value.GetProperty("final").GetDouble(), Is.EqualTo(1), $"{subset.Name} {tool.Name}");
                Assert.That(tool.Value.GetProperty("quality").GetDouble(), Is.EqualTo(1), $"{subset.Name} {tool.Name}");
            }
        }
        var run = metrics.RootElement.GetProperty("run");
        Assert.That(run.GetProperty("backend").GetString(), Is.EqualTo("score"));
        Assert.That(run.GetProperty("model").GetString(), Is.EqualTo("teacher.jsonl"));
        Assert.That(run.GetProperty("scenario").GetString(), Is.EqualTo("score"));
        Assert.That(metrics.RootElement.GetProperty("latency_ms").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(File.ReadAllLines(Fixture.PathOf("out/predictions.jsonl")), Has.Length.EqualTo(15));
        Assert.That(File.ReadAllText(Fixture.PathOf("out/report.md")), Does.Contain(" | all | 5 | (1.000, 1.000, 1.000) [1.000, 1.000] | (1.000, 1.000, 1.000) [1.000, 1.000] | (1.000, 1.000, 1.000) [1.000, 1.000] | **1.000** [1.000, 1.000] |"));
        Assert.That(result.Stdout, Does.StartWith("all n=5     overall 1.000 [1.000, 1.000]"));
    }

    [Test]
    public void Scoring_all_null_predictions_gives_zero()
    {
        var predictions = Fixture.Write("null.jsonl", [.. Enumerable.Range(1, 5).Select(i => $"{{\"id\":\"test-{i:00000}\",\"outputs\":{{\"adjust\":null,\"selective_adjust\":\"none\",\"filter\":\"\"}}}}")]);
        var result = Score(predictions);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Fixture.PathOf("out/metrics.json")));
        foreach (var subset in metrics.RootElement.GetProperty("subsets").EnumerateObject())
        {
            Assert.That(subset.Value.GetProperty("overall").GetDouble(), Is.Zero);
            Assert.That(subset.Value.GetProperty("tools").EnumerateObject().Select(t => t.Value.GetProperty("final").GetDouble()), Is.All.Zero);
        }
        Assert.That(metrics.RootElement.GetProperty("parse").GetProperty("failures").GetInt32(), Is.Zero);
    }

    [Test]
    public void Dataset_ids_without_a_prediction_are_warned_about_and_count_as_not_used()
    {
        var predictions = Fixture.Write("some.jsonl", TeacherLine(DatasetFixture.SmallSplit()[0], asText: false));
        var result = Score(predictions);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stderr, Does.Contain("warning: 4 of 5 dataset ids have no prediction and count as not used: test-00002, test-00003, test-00004, test-00005 (all listed in "));
        Assert.That(File.ReadAllLines(Fixture.PathOf("out/missing-predictions.txt")), Is.EqualTo(new[] { "test-00002", "test-00003", "test-00004", "test-00005" }));
        using var metrics = JsonDocument.Parse(File.ReadAllText(Fixture.PathOf("out/metrics.json")));
        Assert.That(metrics.RootElement.GetProperty("subsets").GetProperty("all").GetProperty("tools").GetProperty("adjust").GetProperty("recall").GetDouble(), Is.EqualTo(0.25));
    }

    [Test]
    public void A_predictions_file_for_another_dataset_exits_2_with_one_line()
    {
        var predictions = Fixture.Write("train-preds.jsonl", "{\"id\":\"train-00001\",\"outputs\":{}}", "{\"id\":\"train-00002\",\"outputs\":{}}");
        var result = Score(predictions);
        AssertOneLineError(result, @"^error: .*train-preds\.jsonl:1: id: 'train-00001' is not in test\.jsonl \(nor are 1 more ids\); is this a predictions file for another dataset\?$");
        Assert.That(Directory.Exists(Fixture.PathOf("out")), Is.False, "nothing is written for bad input");
    }

    [Test]
    public void A_truncated_predictions_line_exits_2_naming_the_line()
    {
        var line = TeacherLine(DatasetFixture.SmallSplit()[0], asText: false);
        var result = Score(Fixture.Write("preds.jsonl", line[..30]));
        AssertOneLineError(result, @"^error: .*preds\.jsonl:1: not valid JSON .*truncated");
    }

    [Test]
    public void An_empty_or_missing_predictions_file_exits_2()
    {
        AssertOneLineError(Score(Fixture.Write("preds.jsonl")), @"^error: .*preds\.jsonl: the file is empty");
        AssertOneLineError(Score(Fixture.PathOf("missing.jsonl")), @"^error: .*missing\.jsonl: predictions file not found");
    }

    [Test]
    public void A_bad_dataset_row_exits_2_before_scoring()
    {
        Fixture.Write("test.jsonl", DatasetFixture.SmallSplit()[0].Replace("\"repeats\":7", "\"repeats\":\"seven\""));
        var result = Score(Fixture.Write("preds.jsonl", "{\"id\":\"test-00001\",\"outputs\":{}}"));
        AssertOneLineError(result, @"^error: .*test\.jsonl:1: repeats: expected an integer >= 1, got ""seven""$");
    }

    [Test]
    public void Missing_required_options_are_a_usage_error_not_a_crash()
    {
        var result = CliRunner.Run("score", "--dataset", SplitPath);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("--predictions"));
        Assert.That(result.Stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public void Mistakes_writes_augmentation_candidates_as_json_lines()
    {
        var rows = DatasetFixture.SmallSplit();
        var wrongFilter = TeacherLine(rows[1], asText: false).Replace("mono_Classic", "warm_Sunset");
        var predictions = Fixture.Write("preds.jsonl", [TeacherLine(rows[0], false), wrongFilter, .. rows.Skip(2).Select(r => TeacherLine(r, false))]);
        var result = CliRunner.Run("mistakes", "--dataset", SplitPath, "--predictions", predictions, "--out", Fixture.PathOf("mistakes.jsonl"));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        var lines = File.ReadAllLines(Fixture.PathOf("mistakes.jsonl"));
        Assert.That(lines, Has.Length.EqualTo(1));
        using var doc = JsonDocument.Parse(lines[0]);
        Assert.That(doc.RootElement.GetProperty("id").GetString(), Is.EqualTo("test-00002"));
        Assert.That(doc.RootElement.GetProperty("tool").GetString(), Is.EqualTo("filter"));
        Assert.That(result.Stdout, Does.Contain("1 augmentation candidates (adjust 0, selective_adjust 0, filter 1)"));
    }

    private static void AssertOneLineError(CliRunner.Result result, string pattern)
    {
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stdout + result.Stderr);
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1), result.Stderr);
        Assert.That(result.ErrorLines[0], Does.Match(pattern));
        Assert.That(result.Stderr, Does.Not.Contain("   at "), "no stack trace");
    }
}
