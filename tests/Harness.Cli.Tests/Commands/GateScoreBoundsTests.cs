using System.Text.Json.Nodes;
using Harness.Datasets;
using Harness.Tools;

namespace Harness.Cli.Tests.Commands;

/// <summary>The gate judges scores in [0, 1]: an inverted model fails it, and a stored score outside [0, 1] is bad input.</summary>
public class GateScoreBoundsTests
{
    private static string Example() => RepositoryRoot.PathOf("gate.example.yaml");

    /// <summary>
    /// The teacher, except adjust: left out on 7 of every 20 rows that use it, and negated on 12 of
    /// the other 13. Its mean cosine is about -0.85 against a selection F1 of about 0.79, where a
    /// harmonic mean of the two would be about +23.
    /// </summary>
    private static Func<DatasetRow, ToolName, ToolSetting?> InvertedAdjust()
    {
        var index = 0;
        return (row, tool) =>
        {
            var setting = row.TeacherFor(tool);
            if (setting is not VectorSetting { Tool: ToolName.Adjust } adjust) return setting;
            var k = index++ % 20;
            if (k < 7) return null;
            return k == 10 ? adjust : new VectorSetting(ToolName.Adjust, [.. adjust.Values.Select(v => -v)]);
        };
    }

    [Test]
    public void A_model_that_inverts_the_adjust_settings_fails_the_gate()
    {
        using var run = new StoredRunBuilder();
        var baseline = run.Write("teacher", StoredRunBuilder.Teacher);
        var candidate = run.Write("inverted", InvertedAdjust());

        var result = CliRunner.Run("gate", "--policy", Example(), "--candidate", candidate, "--baseline", baseline, "--out", Path.Combine(run.RunDirectory, "gate"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stdout + result.Stderr);
        Assert.That(result.Stdout, Does.Contain("FAIL  min_overall").And.Contain("FAIL  min_tool_final.adjust"));
    }

    [TestCase("34.4", "34.4 is outside [0, 1]")]
    [TestCase("1e400", "1e400 is not a finite number")]
    [TestCase("\"NaN\"", "expected a number, got \"NaN\"")]
    public void A_stored_final_outside_zero_to_one_or_not_finite_exits_2_naming_the_file_and_field(string value, string why)
    {
        using var run = new StoredRunBuilder();
        var candidate = run.Write("student", StoredRunBuilder.Teacher);
        var metrics = Path.Combine(candidate, "single-stream", "metrics.json");
        var root = JsonNode.Parse(File.ReadAllText(metrics))!;
        root["subsets"]!["all"]!["tools"]!["adjust"]!["final"]!.ReplaceWith("@value@");
        File.WriteAllText(metrics, root.ToJsonString().Replace("\"@value@\"", value, StringComparison.Ordinal));

        var result = CliRunner.Run("gate", "--policy", Example(), "--candidate", candidate, "--baseline", candidate);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stdout + result.Stderr);
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.ErrorLines[0], Does.StartWith($"error: {metrics}: ").And.EndWith($"subsets.all.tools.adjust.final: {why}"));
    }
}
