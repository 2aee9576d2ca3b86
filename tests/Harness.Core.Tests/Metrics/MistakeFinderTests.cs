using System.Text.Json;
using Harness.Datasets;
using Harness.Metrics;
using Harness.Parsing;
using Harness.Tests.Support;
using Harness.Tools;

namespace Harness.Core.Tests.Metrics;

public class MistakeFinderTests
{
    [Test]
    public void Wrong_filter_names_and_below_mean_cosines_are_candidates()
    {
        DatasetRow[] rows =
        [
            Rows.Row("a", adjust: Rows.Adjust(10), filter: Rows.Filter("mono_Classic", 40)),
            Rows.Row("b", adjust: Rows.Adjust(10), filter: Rows.Filter("warm_Sunset", 40)),
            Rows.Row("c", adjust: Rows.Adjust(10, 10)),
            Rows.Row("d", adjust: Rows.Adjust(10)),
        ];
        var predictions = new Dictionary<string, RowPrediction>
        {
            ["a"] = Rows.Prediction("a", adjust: Rows.Adjust(20), filter: Rows.Filter("mono_Classic", 90)),  // cosine 1, right name
            ["b"] = Rows.Prediction("b", adjust: Rows.Adjust(10, 10), filter: Rows.Filter("faded_HighNoon")), // cosine 0.707, wrong name
            ["c"] = Rows.Prediction("c", adjust: Rows.Adjust(10, 10)),                                        // cosine 1
            ["d"] = Rows.Prediction("d"),                                                                      // not used: not a candidate
        };
        var candidates = MistakeFinder.Find(rows, predictions);

        Assert.That(candidates.Select(c => (c.Id, c.Tool)), Is.EqualTo(new[] { ("b", ToolName.Adjust), ("b", ToolName.Filter) }));
        var adjust = candidates[0];
        Assert.That(adjust.Cosine, Is.EqualTo(1 / Math.Sqrt(2)).Within(1e-12));
        Assert.That(adjust.Reason, Is.EqualTo("cosine 0.707 below the run's mean 0.902"));
        Assert.That(adjust.Intent, Is.EqualTo("intent b"));
        Assert.That(candidates[1].Reason, Is.EqualTo("filter 'faded_HighNoon' instead of 'warm_Sunset'"));
        Assert.That(candidates[1].ExpectedJson, Is.EqualTo("{\"name\":\"warm_Sunset\",\"intensity\":40}"));
    }

    [Test]
    public void Teacher_outputs_have_no_mistakes()
    {
        var rows = MetricsSamples.Rows(60);
        Assert.That(MistakeFinder.Find(rows, Rows.TeacherPredictions(rows)), Is.Empty);
    }

    [Test]
    public void A_candidate_is_one_json_line_with_settings_as_objects()
    {
        var candidate = new AugmentationCandidate("b", "rainy night", ToolName.Filter, "filter 'x' instead of 'y'", null, "{\"name\":\"y\",\"intensity\":40}", "{\"name\":\"x\",\"intensity\":0}");
        var line = AugmentationCandidateJson.Serialize(candidate);
        using var doc = JsonDocument.Parse(line);
        Assert.That(doc.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "intent", "tool", "reason", "cosine", "expected", "produced" }));
        Assert.That(doc.RootElement.GetProperty("expected").GetProperty("name").GetString(), Is.EqualTo("y"));
        Assert.That(line, Does.Not.Contain("\n"));
    }
}
