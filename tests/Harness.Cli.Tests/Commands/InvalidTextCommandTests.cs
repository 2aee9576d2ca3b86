using System.Text.Json;
using Harness.Runs;
using Harness.Tests.Support;
using Harness.Tools;

namespace Harness.Cli.Tests.Commands;

/// <summary>Outputs holding lone UTF-16 surrogates through <c>score</c> and <c>eval</c>: parse failures, never a crash.</summary>
public class InvalidTextCommandTests
{
    private DatasetFixture _fixture = null!;

    [SetUp]
    public void SetUp()
    {
        _fixture = new DatasetFixture();
        _fixture.Write("test.jsonl", DatasetFixture.SmallSplit());
    }

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    // As the file holds them: adjust is raw text with a lone surrogate (a JSON escape in the file),
    // selective_adjust an object with one in a key, filter raw text that escapes one inside its JSON.
    private const string OddLine =
        "{\"id\":\"test-00001\",\"outputs\":{\"adjust\":\"{\\\"contrast\\\":10}\\ud800\",\"selective_adjust\":{\"red\":{\"\\udc00\":5}},\"filter\":\"{\\\"name\\\":\\\"\\\\ud800\\\"}\"}}";

    [Test]
    public void Score_counts_lone_surrogates_as_invalid_text_and_keeps_the_raw_text_exactly()
    {
        var predictions = _fixture.Write("preds.jsonl", OddLine, "{\"id\":\"test-00002\",\"outputs\":{\"adjust\":null}}");

        var result = CliRunner.Run("score", "--dataset", _fixture.PathOf("test.jsonl"), "--predictions", predictions, "--out", _fixture.PathOf("out"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        using var metrics = JsonDocument.Parse(File.ReadAllText(_fixture.PathOf("out/metrics.json")));
        var parse = metrics.RootElement.GetProperty("parse");
        Assert.That(parse.GetProperty("by_kind").GetProperty("invalid_text").GetInt32(), Is.EqualTo(3));
        var calls = CallRecordJson.ReadAll(_fixture.PathOf("out/predictions.jsonl"));
        Assert.That(calls.Single(c => c.IntentId == "test-00001" && c.Tool == ToolName.Adjust).Raw, Is.EqualTo("{\"contrast\":10}\ud800"));
        Assert.That(File.ReadAllText(_fixture.PathOf("out/predictions.jsonl")), Does.Contain("\"raw\":\"{\\\"contrast\\\":10}\\ud800\""));
    }

    [Test]
    public void Eval_of_a_replayed_answer_with_an_escaped_lone_surrogate_records_invalid_text_and_finishes()
    {
        // Replay hands the filter text on as it is: the escape \ud800 inside the model's JSON.
        var odd = "{\"id\":\"test-00001\",\"outputs\":{\"filter\":\"{\\\"name\\\":\\\"\\\\ud800\\\"}\"}}";
        var predictions = _fixture.Write("preds.jsonl", [.. DatasetFixture.SmallSplit().Select((_, i) => i == 0 ? odd : $"{{\"id\":\"test-0000{i + 1}\",\"outputs\":{{}}}}")]);
        var config = _fixture.Write("eval.yaml", "dataset: test.jsonl\nwarmup: 0\nreports: [markdown, html]\nscenarios: [offline]\nbackends:\n  - label: odd\n    plugin: Replay\n    options: { predictions: preds.jsonl }");

        var result = CliRunner.Run("eval", "--config", config, "--out", _fixture.PathOf("run"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        var calls = CallRecordJson.ReadAll(_fixture.PathOf("run/odd/offline/predictions.jsonl"));
        Assert.That(calls.Single(c => c.IntentId == "test-00001" && c.Tool == ToolName.Filter).Parsed.Failure, Is.EqualTo(Harness.Parsing.ParseFailureKind.InvalidText));
        Assert.That(File.Exists(_fixture.PathOf("run/index.html")), Is.True);
    }
}
