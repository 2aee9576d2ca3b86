using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Metrics;
using Harness.Parsing;
using Harness.Tests.Support;
using Harness.Tools;

namespace Harness.Core.Tests.Metrics;

public class MetricsCalculatorTests
{
    private static readonly BootstrapOptions Options = new(Seed: 7, Resamples: 200);

    private static SubsetMetrics All(IReadOnlyList<DatasetRow> rows, IReadOnlyDictionary<string, RowPrediction> predictions, BootstrapOptions? options = null) =>
        MetricsCalculator.Compute(rows, predictions, options ?? Options)[0];

    [Test]
    public void Final_is_harmonic_mean_of_selection_and_quality_as_in_the_paper()
    {
        // Paper, Llama-2 adjust: selection 0.95, quality 0.63 -> final 0.76.
        Assert.That(Math.Round(Formulas.HarmonicMean(0.95, 0.63), 2), Is.EqualTo(0.76));
        Assert.That(Formulas.HarmonicMean(0, 0), Is.Zero);
        Assert.That(Formulas.HarmonicMean(1, 0), Is.Zero);
    }

    [Test]
    public void Scores_match_a_hand_computed_case()
    {
        DatasetRow[] rows =
        [
            Rows.Row("a", adjust: Rows.Adjust(1)),
            Rows.Row("b", adjust: Rows.Adjust(0, 5)),
            Rows.Row("c"),
            Rows.Row("d", adjust: Rows.Adjust(3, 4)),
            Rows.Row("e"),
        ];
        var predictions = new Dictionary<string, RowPrediction>
        {
            ["a"] = Rows.Prediction("a", adjust: Rows.Adjust(1, 1)), // TP, cosine 1/sqrt(2)
            ["b"] = Rows.Prediction("b"),                            // FN
            ["c"] = Rows.Prediction("c", adjust: Rows.Adjust(2)),    // FP
            ["d"] = Rows.Prediction("d", adjust: Rows.Adjust(6, 8)), // TP, cosine 1
            ["e"] = Rows.Prediction("e"),                            // TN
        };
        var adjust = All(rows, predictions)[ToolName.Adjust];

        Assert.That((adjust.TruePositives, adjust.FalsePositives, adjust.FalseNegatives, adjust.TrueNegatives), Is.EqualTo((2, 1, 1, 1)));
        Assert.That(adjust.Precision, Is.EqualTo(2.0 / 3).Within(1e-12));
        Assert.That(adjust.Recall, Is.EqualTo(2.0 / 3).Within(1e-12));
        Assert.That(adjust.SelectionF1, Is.EqualTo(2.0 / 3).Within(1e-12));
        var quality = (1 / Math.Sqrt(2) + 1) / 2;
        Assert.That(adjust.Quality, Is.EqualTo(quality).Within(1e-12));
        Assert.That(adjust.QualityN, Is.EqualTo(2));
        Assert.That(adjust.Final, Is.EqualTo(2 * (2.0 / 3) * quality / (2.0 / 3 + quality)).Within(1e-12));
    }

    [Test]
    public void Ranking_metrics_use_one_minus_the_not_used_probability_and_count_a_missing_one_as_not_used()
    {
        DatasetRow[] rows =
        [
            Rows.Row("a", adjust: Rows.Adjust(1)),
            Rows.Row("b", adjust: Rows.Adjust(2)),
            Rows.Row("c"),
            Rows.Row("d", adjust: Rows.Adjust(3)),
        ];
        RowPrediction WithP(string id, double? p) => Rows.Prediction(id) with
        {
            NotUsedProbabilities = p is { } v ? ImmutableDictionary<ToolName, double>.Empty.Add(ToolName.Adjust, v) : null,
        };
        var predictions = new Dictionary<string, RowPrediction>
        {
            ["a"] = WithP("a", 0.1), ["b"] = WithP("b", 0.7), ["c"] = WithP("c", 0.4), ["d"] = WithP("d", null),
        };

        var subset = All(rows, predictions);
        var adjust = subset.RankingOf(ToolName.Adjust)!;

        // Used scores a 0.9, c 0.6, b 0.3, d 0 (no probability): positives a, b, d.
        Assert.That(subset.Rankings.Select(r => r.Tool), Is.EqualTo(new[] { ToolName.Adjust }), "only tools with a probability");
        Assert.That((adjust.N, adjust.Positives, adjust.Scored), Is.EqualTo((4, 3, 3)));
        Assert.That(adjust.AveragePrecision, Is.EqualTo((1 / 3.0 * 1) + (1 / 3.0 * 2 / 3) + (1 / 3.0 * 3 / 4)).Within(1e-12));
        Assert.That(adjust.RocAuc, Is.EqualTo(1 / 3.0).Within(1e-12));
        Assert.That(All(rows, Rows.NullPredictions(rows)).Rankings, Is.Empty, "no probability, no ranking");
    }

    [Test]
    public void Cosine_of_two_zero_vectors_is_one_and_of_exactly_one_zero_vector_is_zero()
    {
        Assert.That(Similarity.Cosine([0, 0, 0], [0, 0, 0]), Is.EqualTo(1));
        Assert.That(Similarity.Cosine([0, 0, 0], [0, 5, 0]), Is.Zero);
        Assert.That(Similarity.Cosine([0, 5, 0], [0, 0, 0]), Is.Zero);
        Assert.That(Similarity.Cosine([1, 0], [-1, 0]), Is.EqualTo(-1));

        DatasetRow[] rows = [Rows.Row("a", selective: Rows.Selective()), Rows.Row("b", selective: Rows.Selective(10))];
        var predictions = new Dictionary<string, RowPrediction>
        {
            ["a"] = Rows.Prediction("a", selective: Rows.Selective()),
            ["b"] = Rows.Prediction("b", selective: Rows.Selective()),
        };
        Assert.That(All(rows, predictions)[ToolName.SelectiveAdjust].Quality, Is.EqualTo(0.5));
    }

    [Test]
    public void A_tool_with_no_true_positives_has_quality_zero_over_zero_rows()
    {
        DatasetRow[] rows = [Rows.Row("a", filter: Rows.Filter("mono_Classic")), Rows.Row("b")];
        var predictions = new Dictionary<string, RowPrediction>
        {
            ["a"] = Rows.Prediction("a"),
            ["b"] = Rows.Prediction("b", filter: Rows.Filter("mono_Classic")),
        };
        var filter = All(rows, predictions)[ToolName.Filter];
        Assert.That(filter.Quality, Is.Zero);
        Assert.That(filter.QualityN, Is.Zero);
        Assert.That(filter.Final, Is.Zero);
        Assert.That(filter.IntensityMae, Is.Null);
    }

    [Test]
    public void Precision_and_recall_are_zero_when_their_denominators_are_zero()
    {
        DatasetRow[] rows = [Rows.Row("a", adjust: Rows.Adjust(1)), Rows.Row("b")];
        var nothingPredicted = All(rows, Rows.NullPredictions(rows))[ToolName.Adjust];
        Assert.That(nothingPredicted.Precision, Is.Zero, "TP + FP = 0");
        Assert.That(nothingPredicted.Recall, Is.Zero);
        Assert.That(nothingPredicted.SelectionF1, Is.Zero);

        var neverUsed = All(rows, Rows.TeacherPredictions(rows))[ToolName.SelectiveAdjust];
        Assert.That(neverUsed.Recall, Is.Zero, "TP + FN = 0");
        Assert.That(neverUsed.Precision, Is.Zero);
        Assert.That(neverUsed.Final, Is.Zero);
    }

    [Test]
    public void Filter_quality_is_name_accuracy_after_trimming_and_intensity_error_is_separate()
    {
        DatasetRow[] rows = [Rows.Row("a", filter: Rows.Filter("mono_Classic", 40)), Rows.Row("b", filter: Rows.Filter("warm_Sunset", 80))];
        var predictions = new Dictionary<string, RowPrediction>
        {
            ["a"] = Rows.Prediction("a", filter: Rows.Filter(" mono_Classic ", 50)),
            ["b"] = Rows.Prediction("b", filter: Rows.Filter("Warm_Sunset", 60)),
        };
        var filter = All(rows, predictions)[ToolName.Filter];
        Assert.That(filter.Quality, Is.EqualTo(0.5), "ordinal: Warm_Sunset is not warm_Sunset");
        Assert.That(filter.IntensityMae, Is.EqualTo(15));
        Assert.That(All(rows, predictions)[ToolName.Adjust].IntensityMae, Is.Null);
    }

    [Test]
    public void Subsets_r3_and_r5_keep_the_rows_with_enough_repeats()
    {
        DatasetRow[] rows =
        [
            Rows.Row("a", repeats: 1, adjust: Rows.Adjust(1)),
            Rows.Row("b", repeats: 3, adjust: Rows.Adjust(1)),
            Rows.Row("c", repeats: 4, adjust: Rows.Adjust(1)),
            Rows.Row("d", repeats: 5, adjust: Rows.Adjust(1)),
            Rows.Row("e", repeats: 9, adjust: Rows.Adjust(1)),
        ];
        // Only the rows with repeats >= 5 are predicted, so r5 is perfect on adjust and r3 is half.
        var predictions = Rows.TeacherPredictions(rows.Where(r => r.Repeats >= 5));
        var subsets = MetricsCalculator.Compute(rows, predictions, Options);

        Assert.That(subsets.Select(s => s.Name), Is.EqualTo(new[] { "all", "r3", "r5" }));
        Assert.That(subsets.Select(s => s.N), Is.EqualTo(new[] { 5, 4, 2 }));
        Assert.That(subsets.Select(s => s[ToolName.Adjust].Recall), Is.EqualTo(new[] { 0.4, 0.5, 1.0 }));
    }

    [Test]
    public void A_row_without_a_prediction_or_with_a_failed_parse_counts_as_not_used()
    {
        DatasetRow[] rows = [Rows.Row("a", adjust: Rows.Adjust(1)), Rows.Row("b", adjust: Rows.Adjust(1))];
        var failed = new RowPrediction("a", new Dictionary<ToolName, ParsedOutput>
        {
            [ToolName.Adjust] = new(ToolName.Adjust, null, ParseFailureKind.InvalidJson, "oops"),
        }.ToImmutableDictionary());
        var adjust = All(rows, new Dictionary<string, RowPrediction> { ["a"] = failed })[ToolName.Adjust];
        Assert.That(adjust.FalseNegatives, Is.EqualTo(2));
    }

    [Test]
    public void Teacher_outputs_score_one_and_no_outputs_score_zero_on_every_subset()
    {
        var rows = SampleRows(60);
        foreach (var subset in MetricsCalculator.Compute(rows, Rows.TeacherPredictions(rows), Options))
        {
            Assert.That(subset.Overall, Is.EqualTo(1));
            Assert.That(subset.OverallCi95, Is.EqualTo(new Interval(1, 1)));
            Assert.That(subset.Tools.Select(t => t.Final), Is.All.EqualTo(1));
            Assert.That(subset.Tools.Select(t => t.Quality), Is.All.EqualTo(1));
        }
        foreach (var subset in MetricsCalculator.Compute(rows, Rows.NullPredictions(rows), Options))
        {
            Assert.That(subset.Overall, Is.Zero);
            Assert.That(subset.Tools.Select(t => t.Final), Is.All.Zero);
            Assert.That(subset.OverallCi95, Is.EqualTo(new Interval(0, 0)));
        }
    }

    [Test]
    public void Bootstrap_interval_contains_the_estimate_and_is_reproducible_for_a_seed()
    {
        var rows = SampleRows(200);
        var predictions = NoisyPredictions(rows);
        var first = MetricsCalculator.Compute(rows, predictions, new BootstrapOptions(Seed: 1));
        var again = MetricsCalculator.Compute(rows, predictions, new BootstrapOptions(Seed: 1));
        var other = MetricsCalculator.Compute(rows, predictions, new BootstrapOptions(Seed: 2));

        foreach (var subset in first)
        {
            Assert.That(subset.OverallCi95!.Contains(subset.Overall), Is.True, $"{subset.Name} overall");
            Assert.That(subset.OverallCi95.Upper, Is.GreaterThan(subset.OverallCi95.Lower));
            foreach (var tool in subset.Tools)
                Assert.That(tool.FinalCi95!.Contains(tool.Final), Is.True, $"{subset.Name} {tool.Tool}");
        }
        Assert.That(again, Is.EqualTo(first));
        Assert.That(other[0].OverallCi95, Is.Not.EqualTo(first[0].OverallCi95));
        Assert.That(other[0].Overall, Is.EqualTo(first[0].Overall));
    }

    [Test]
    public void An_empty_subset_has_zero_scores_and_no_interval()
    {
        DatasetRow[] rows = [Rows.Row("a", repeats: 1, adjust: Rows.Adjust(1))];
        var r5 = MetricsCalculator.Compute(rows, Rows.TeacherPredictions(rows), Options)[2];
        Assert.That(r5.N, Is.Zero);
        Assert.That(r5.Overall, Is.Zero);
        Assert.That(r5.OverallCi95, Is.Null);
    }

    /// <summary>Rows with varied tool use and repeats 1..9.</summary>
    internal static DatasetRow[] SampleRows(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Rows.Row(
            $"r{i:000}",
            repeats: 1 + (i % 9),
            adjust: i % 5 == 0 ? null : Rows.Adjust(i % 7 * 5, 10, -(i % 3) * 10),
            selective: i % 3 == 0 ? Rows.Selective(20, i % 4 * 5) : null,
            filter: i % 2 == 0 ? Rows.Filter(DatasetFixture.Filters[i % 3], 10 * (i % 10)) : null))];

    /// <summary>Predictions that are right most of the time and wrong in varied ways.</summary>
    internal static Dictionary<string, RowPrediction> NoisyPredictions(IEnumerable<DatasetRow> rows) =>
        rows.Select((r, i) => Rows.Prediction(
            r.Id,
            adjust: i % 6 == 1 ? null : i % 4 == 0 ? Rows.Adjust(10, -5) : r.TeacherFor(ToolName.Adjust),
            selective: i % 5 == 2 ? Rows.Selective(5) : r.TeacherFor(ToolName.SelectiveAdjust),
            filter: i % 7 == 3 ? Rows.Filter("mono_Classic") : r.TeacherFor(ToolName.Filter)))
        .ToDictionary(p => p.Id);
}
