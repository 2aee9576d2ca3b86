using System.Text.Json;

namespace Harness.Cli.Tests.Commands;

/// <summary>The commands on the committed tonal-colour splits, as a new user would run them.</summary>
public class TonalColorCommandTests
{
    private string _directory = null!;

    [SetUp]
    public void SetUp()
    {
        _directory = Path.Combine(Path.GetTempPath(), "harness-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Validate_prints_912_356_683_of_1000_for_the_test_split()
    {
        var result = CliRunner.Run("validate", TonalColor.TestSplit);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.StartWith(
            "split  rows   adjust used  selective_adjust used  filter used\n" +
            "test   1,000  912          356                    683\n"));
    }

    [Test]
    public void The_generators_oracle_scores_well_above_retrieval_and_below_the_teacher_on_the_test_split()
    {
        var result = CliRunner.Run("score", "--dataset", TonalColor.TestSplit, "--predictions", TonalColor.TestOracle, "--out", _directory);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        // The attainable ceiling of the synthetic data: about 0.92, with selective_adjust's selection the part it cannot know.
        Assert.That(result.Stdout, Does.StartWith("all n=1000  overall 0.924 [0.916, 0.931]  (adjust 0.973, selective_adjust 0.874, filter 0.925)"));
    }

    [Test]
    public void Validate_prints_7570_2647_5448_of_8252_for_the_train_split()
    {
        var result = CliRunner.Run("validate", TonalColor.TrainSplit);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.StartWith(
            "split  rows   adjust used  selective_adjust used  filter used\n" +
            "train  8,252  7,570        2,647                  5,448\n"));
    }

    [Test]
    public void The_committed_train_and_test_splits_share_no_intent()
    {
        var result = CliRunner.Run("validate", TonalColor.TrainSplit, TonalColor.TestSplit);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
    }

    [Test]
    public void Scoring_the_teachers_outputs_on_the_test_split_gives_one_and_all_null_gives_zero()
    {
        var teacher = Path.Combine(_directory, "teacher.jsonl");
        var none = Path.Combine(_directory, "none.jsonl");
        var ids = new List<string>();
        using (var writer = new StreamWriter(teacher))
        {
            foreach (var line in File.ReadLines(TonalColor.TestSplit))
            {
                using var row = JsonDocument.Parse(line);
                var id = row.RootElement.GetProperty("id").GetString()!;
                ids.Add(id);
                writer.Write($"{{\"id\":\"{id}\",\"outputs\":{row.RootElement.GetProperty("teacher").GetRawText()}}}\n");
            }
        }
        File.WriteAllLines(none, ids.Select(id => $"{{\"id\":\"{id}\",\"outputs\":{{\"adjust\":null,\"selective_adjust\":null,\"filter\":null}}}}"));

        Assert.That(Overall(teacher, "teacher-out"), Is.EqualTo(new[] { 1.0, 1.0, 1.0 }));
        Assert.That(Overall(none, "none-out"), Is.EqualTo(new[] { 0.0, 0.0, 0.0 }));
    }

    [Test]
    public void Predictions_for_the_train_split_scored_against_the_test_split_exit_2()
    {
        var preds = Path.Combine(_directory, "train-preds.jsonl");
        File.WriteAllLines(preds, File.ReadLines(TonalColor.TrainSplit).Take(20).Select(line =>
        {
            using var row = JsonDocument.Parse(line);
            return $"{{\"id\":\"{row.RootElement.GetProperty("id").GetString()}\",\"outputs\":{{}}}}";
        }));
        var result = CliRunner.Run("score", "--dataset", TonalColor.TestSplit, "--predictions", preds, "--out", Path.Combine(_directory, "out"));
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.ErrorLines[0], Does.Match(@"train-preds\.jsonl:1: id: '.+' is not in test\.jsonl \(nor are 19 more ids\); is this a predictions file for another dataset\?$"));
    }

    private double[] Overall(string predictions, string outName)
    {
        var output = Path.Combine(_directory, outName);
        var result = CliRunner.Run("score", "--dataset", TonalColor.TestSplit, "--predictions", predictions, "--out", output);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")));
        var subsets = metrics.RootElement.GetProperty("subsets");
        foreach (var subset in subsets.EnumerateObject())
        {
            var finals = subset.Value.GetProperty("tools").EnumerateObject().Select(t => t.Value.GetProperty("final").GetDouble()).Distinct().ToArray();
            Assert.That(finals, Has.Length.EqualTo(1), $"{subset.Name}: every tool scores the same");
            Assert.That(finals[0], Is.EqualTo(subset.Value.GetProperty("overall").GetDouble()));
        }
        return [.. subsets.EnumerateObject().Select(s => s.Value.GetProperty("overall").GetDouble())];
    }
}
