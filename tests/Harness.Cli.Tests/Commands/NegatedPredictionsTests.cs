using System.Globalization;
using System.Text.Json;

namespace Harness.Cli.Tests.Commands;

/// <summary>
/// A model that inverts the teacher's adjust values: its quality is reported as measured
/// (negative) and its finals and overall stay in [0, 1], through <c>score</c> and <c>eval</c>.
/// </summary>
public class NegatedPredictionsTests
{
    private const int RowCount = 50;

    private DatasetFixture _fixture = null!;

    [SetUp]
    public void SetUp()
    {
        _fixture = new DatasetFixture();
        _fixture.Write("test.jsonl", [.. Enumerable.Range(1, RowCount).Select(i => DatasetFixture.Row(
            Id(i), $"look {i}", 1 + i % 6, DatasetFixture.Adjust(10 + i % 7, -20, 5 * (i % 3), 30), null, DatasetFixture.Filter("warm_Sunset", 40)))]);
        // The teacher's adjust negated on 45 rows (90%) and left out on the other 5; the filter right.
        _fixture.Write("negated.jsonl", [.. Enumerable.Range(1, RowCount).Select(i =>
            $"{{\"id\":\"{Id(i)}\",\"outputs\":{{\"adjust\":{(i <= 45 ? DatasetFixture.Adjust(-(10 + i % 7), 20, -5 * (i % 3), -30) : "null")},\"filter\":{DatasetFixture.Filter("warm_Sunset", 40)}}}}}")]);
    }

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    private static string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"test-{i:00000}");

    [Test]
    public void Score_of_negated_predictions_reports_the_negative_quality_and_keeps_every_final_in_zero_to_one()
    {
        var result = CliRunner.Run("score", "--dataset", _fixture.PathOf("test.jsonl"), "--predictions", _fixture.PathOf("negated.jsonl"), "--out", _fixture.PathOf("out"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.StartWith("all n=50    overall 0.333 [0.333, 0.333]  (adjust 0.000, selective_adjust 0.000, filter 1.000)"));
        using var metrics = JsonDocument.Parse(File.ReadAllText(_fixture.PathOf("out/metrics.json")));
        var adjust = metrics.RootElement.GetProperty("subsets").GetProperty("all").GetProperty("tools").GetProperty("adjust");
        Assert.That(adjust.GetProperty("quality").GetDouble(), Is.EqualTo(-1).Within(1e-12));
        Assert.That(adjust.GetProperty("final").GetDouble(), Is.Zero);
        AssertScoresInZeroToOne(metrics.RootElement);
    }

    [Test]
    public void Eval_of_a_replay_backend_that_negates_the_teacher_keeps_every_final_in_zero_to_one()
    {
        var config = _fixture.Write("eval.yaml", "dataset: test.jsonl\nwarmup: 0\nreports: []\nscenarios: [offline]\nbackends:\n  - label: negated\n    plugin: Replay\n    options: { predictions: negated.jsonl }");

        var result = CliRunner.Run("eval", "--config", config, "--out", _fixture.PathOf("run"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("negated / offline: overall 0.333 [0.333, 0.333]"));
        using var metrics = JsonDocument.Parse(File.ReadAllText(_fixture.PathOf("run/negated/offline/metrics.json")));
        Assert.That(metrics.RootElement.GetProperty("subsets").GetProperty("all").GetProperty("tools").GetProperty("adjust").GetProperty("quality").GetDouble(), Is.EqualTo(-1).Within(1e-12));
        AssertScoresInZeroToOne(metrics.RootElement);
    }

    /// <summary>Every final, overall and interval bound of every subset of a metrics.json lies in [0, 1].</summary>
    internal static void AssertScoresInZeroToOne(JsonElement metrics)
    {
        foreach (var subset in metrics.GetProperty("subsets").EnumerateObject())
        {
            var scores = new List<double> { subset.Value.GetProperty("overall").GetDouble() };
            scores.AddRange(subset.Value.GetProperty("overall_ci95").EnumerateArray().Select(v => v.GetDouble()));
            foreach (var tool in subset.Value.GetProperty("tools").EnumerateObject())
            {
                scores.Add(tool.Value.GetProperty("final").GetDouble());
                scores.AddRange(tool.Value.GetProperty("final_ci95").EnumerateArray().Select(v => v.GetDouble()));
            }
            Assert.That(scores, Is.All.InRange(0.0, 1.0), subset.Name);
        }
    }
}
