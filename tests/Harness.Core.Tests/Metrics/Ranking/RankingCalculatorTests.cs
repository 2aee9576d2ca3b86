using System.Runtime.CompilerServices;
using System.Text.Json;
using Harness.Metrics;
using Harness.Metrics.Ranking;
using Harness.Tools;

namespace Harness.Core.Tests.Metrics.Ranking;

public class RankingCalculatorTests
{
    private static readonly BootstrapOptions Quick = new(Seed: 7, Resamples: 200);

    private sealed record Case(string Name, double[] Scores, bool[] Labels, double AveragePrecision, double RocAuc, double[][] PrCurve);

    private static string Beside(string name, [CallerFilePath] string testFile = "") => Path.Combine(Path.GetDirectoryName(testFile)!, name);

    private static IEnumerable<TestCaseData> ReferenceCases()
    {
        // Made by tools/ranking-reference/make_reference.py with scikit-learn.
        using var json = JsonDocument.Parse(File.ReadAllText(Beside("ranking-reference.json")));
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        foreach (var c in json.RootElement.GetProperty("cases").EnumerateArray())
        {
            var parsed = c.Deserialize<Case>(options)!;
            yield return new TestCaseData(parsed).SetArgDisplayNames(parsed.Name);
        }
    }

    [TestCaseSource(nameof(ReferenceCases))]
    public void Average_precision_and_ROC_AUC_equal_scikit_learns(object reference)
    {
        var c = (Case)reference;
        var ranking = RankingCalculator.Compute(ToolName.Adjust, c.Scores, c.Labels, c.Scores.Length, Quick, 0);

        Assert.That(ranking.AveragePrecision, Is.EqualTo(c.AveragePrecision).Within(1e-12), "average precision");
        Assert.That(ranking.RocAuc, Is.EqualTo(c.RocAuc).Within(1e-12), "ROC AUC");
    }

    [TestCaseSource(nameof(ReferenceCases))]
    public void The_precision_recall_curve_equals_scikit_learns(object reference)
    {
        var c = (Case)reference;
        var curve = RankingCalculator.Compute(ToolName.Adjust, c.Scores, c.Labels, c.Scores.Length, Quick, 0).Curve;

        Assert.That(curve.Select(p => new[] { p.Threshold, p.Precision, p.Recall }),
            Is.EqualTo(c.PrCurve).Using<double[], double[]>((a, b) => a.Zip(b).All(x => Math.Abs(x.First - x.Second) < 1e-12)));
        Assert.That(curve.Select(p => p.Threshold), Is.Ordered.Descending.And.Unique);
    }

    [Test]
    public void Intervals_are_seeded_and_contain_the_point_estimate()
    {
        var random = new Random(3);
        var labels = Enumerable.Range(0, 300).Select(_ => random.NextDouble() < 0.6).ToArray();
        var scores = labels.Select(l => Math.Clamp((l ? 0.6 : 0.4) + (random.NextDouble() - 0.5), 0, 1)).ToArray();

        var first = RankingCalculator.Compute(ToolName.Filter, scores, labels, 300, Quick, 4);
        var again = RankingCalculator.Compute(ToolName.Filter, scores, labels, 300, Quick, 4);

        Assert.That(again.AveragePrecisionCi95, Is.EqualTo(first.AveragePrecisionCi95));
        Assert.That(again.RocAucCi95, Is.EqualTo(first.RocAucCi95));
        Assert.That(first.AveragePrecisionCi95!.Contains(first.AveragePrecision!.Value), Is.True);
        Assert.That(first.RocAucCi95!.Contains(first.RocAuc!.Value), Is.True);
        Assert.That(first.RocAucCi95.Upper - first.RocAucCi95.Lower, Is.InRange(0.01, 0.3));
    }

    [Test]
    public void No_rows_leave_every_metric_undefined()
    {
        var ranking = RankingCalculator.Compute(ToolName.Adjust, [], [], 0, Quick, 0);

        Assert.That(ranking, Is.EqualTo(ranking with { N = 0, Positives = 0, AveragePrecision = null, AveragePrecisionCi95 = null, RocAuc = null, RocAucCi95 = null }));
        Assert.That(ranking.Curve, Is.Empty);
    }

    [Test]
    public void One_positive_row_has_average_precision_1_and_no_AUC()
    {
        var ranking = RankingCalculator.Compute(ToolName.Adjust, [0.3], [true], 1, Quick, 0);

        Assert.That(ranking.AveragePrecision, Is.EqualTo(1));
        Assert.That(ranking.AveragePrecisionCi95, Is.EqualTo(new Interval(1, 1)));
        Assert.That(ranking.RocAuc, Is.Null);
        Assert.That(ranking.RocAucCi95, Is.Null);
        Assert.That(ranking.Curve, Is.EqualTo(new[] { new PrPoint(0.3, 1, 1) }));
    }

    [Test]
    public void A_score_that_is_not_a_finite_number_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RankingCalculator.Compute(ToolName.Adjust, [double.NaN], [true], 1, Quick, 0));
    }
}
