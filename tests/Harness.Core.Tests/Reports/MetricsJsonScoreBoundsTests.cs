using System.Text.Json.Nodes;
using Harness.Runs;
using Harness.Tests.Support;

namespace Harness.Core.Tests.Reports;

/// <summary>A stored metrics.json whose scores spec §4 does not allow is refused, naming the file and the field.</summary>
public class MetricsJsonScoreBoundsTests
{
    private string _path = null!;

    [SetUp]
    public void SetUp() => _path = Path.Combine(Path.GetTempPath(), $"metrics-{Guid.NewGuid():N}.json");

    [TearDown]
    public void TearDown() => File.Delete(_path);

    /// <summary>Writes the sample metrics with one value replaced by raw JSON text (which may be a number no node holds, such as 1e400).</summary>
    private void WriteWith(Func<JsonNode, JsonNode> field, string json)
    {
        var root = JsonNode.Parse(MetricsJson.Serialize(MetricsSamples.Metrics(measured: true)))!;
        field(root).ReplaceWith("@value@");
        File.WriteAllText(_path, root.ToJsonString().Replace("\"@value@\"", json, StringComparison.Ordinal));
    }

    private static JsonNode Adjust(JsonNode root) => root["subsets"]!["all"]!["tools"]!["adjust"]!;

    [TestCase("final", "34.4", "subsets.all.tools.adjust.final: 34.4 is outside [0, 1]")]
    [TestCase("final", "-0.5", "subsets.all.tools.adjust.final: -0.5 is outside [0, 1]")]
    [TestCase("precision", "1.01", "subsets.all.tools.adjust.precision: 1.01 is outside [0, 1]")]
    [TestCase("quality", "-1.5", "subsets.all.tools.adjust.quality: -1.5 is outside [-1, 1]")]
    [TestCase("final", "\"NaN\"", "subsets.all.tools.adjust.final: expected a number, got \"NaN\"")]
    [TestCase("final", "1e400", "subsets.all.tools.adjust.final: 1e400 is not a finite number")]
    [TestCase("final_ci95", "[0.2, 1.5]", "subsets.all.tools.adjust.final_ci95: 1.5 is outside [0, 1]")]
    public void A_tool_score_outside_its_range_or_not_finite_is_refused_naming_the_file_and_field(string key, string json, string message)
    {
        WriteWith(root => Adjust(root)[key]!, json);

        Assert.That(() => MetricsJson.Read(_path), Throws.TypeOf<InputException>().With.Message.StartsWith(_path + ": ").And.Message.EndsWith(message));
    }

    [Test]
    public void An_overall_outside_zero_to_one_is_refused()
    {
        WriteWith(root => root["subsets"]!["r3"]!["overall"]!, "12.13");

        Assert.That(() => MetricsJson.Read(_path), Throws.TypeOf<InputException>().With.Message.EndsWith("subsets.r3.overall: 12.13 is outside [0, 1]"));
    }

    [Test]
    public void A_negative_quality_is_read_as_measured()
    {
        WriteWith(root => Adjust(root)["quality"]!, "-0.8");

        Assert.That(MetricsJson.Read(_path).Subset("all")[Tools.ToolName.Adjust].Quality, Is.EqualTo(-0.8));
    }
}
