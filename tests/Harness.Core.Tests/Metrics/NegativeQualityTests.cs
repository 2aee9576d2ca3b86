using Harness.Datasets;
using Harness.Metrics;
using Harness.Parsing;
using Harness.Tests.Support;
using Harness.Tools;

namespace Harness.Core.Tests.Metrics;

/// <summary>
/// A model that inverts the settings has a negative mean cosine. Quality reports it as measured;
/// final counts it as 0, so finals, overalls and their intervals stay in [0, 1].
/// </summary>
public class NegativeQualityTests
{
    private static readonly BootstrapOptions Options = new(Seed: 11, Resamples: 300);

    /// <summary>50 rows: adjust and filter on every row, selective_adjust on every other one.</summary>
    private static DatasetRow[] Dataset() =>
    [
        .. Enumerable.Range(1, 50).Select(i => Rows.Row(
            $"r{i:00}", repeats: 1 + i % 6,
            adjust: Rows.Adjust(10 + i % 7, -20, 5 * (i % 3), 30),
            selective: i % 2 == 0 ? Rows.Selective(15, -5 - i % 4) : null,
            filter: Rows.Filter("warm_Sunset", 40))),
    ];

    /// <summary>The teacher's settings, with the vectors negated on the first <paramref name="negated"/> rows; no adjust on rows 46 to 50.</summary>
    private static Dictionary<string, RowPrediction> Negating(DatasetRow[] rows, int negated, bool dropSome = false) =>
        rows.Select((r, i) => Rows.Prediction(
            r.Id,
            dropSome && i >= 45 ? null : Flip(r.TeacherFor(ToolName.Adjust), i < negated),
            Flip(r.TeacherFor(ToolName.SelectiveAdjust), i < negated),
            r.TeacherFor(ToolName.Filter))).ToDictionary(p => p.Id);

    private static ToolSetting? Flip(ToolSetting? setting, bool negate) =>
        setting is VectorSetting v && negate ? new VectorSetting(v.Tool, [.. v.Values.Select(x => -x)]) : setting;

    [Test]
    public void Final_counts_a_negative_quality_as_zero()
    {
        Assert.That(Math.Round(Formulas.Final(0.95, 0.63), 2), Is.EqualTo(0.76));
        Assert.That(Formulas.Final(0.95, -0.96), Is.Zero);
        Assert.That(Formulas.Final(1, -0.8), Is.Zero);
        Assert.That(Formulas.Final(0, 0), Is.Zero);
        Assert.That(Formulas.Final(0, -1), Is.Zero);
    }

    [Test]
    public void Negating_the_teacher_on_90_percent_of_rows_reports_the_negative_quality_and_a_final_of_zero()
    {
        var rows = Dataset();

        var all = MetricsCalculator.Compute(rows, Negating(rows, negated: 45, dropSome: true), Options)[0];

        var adjust = all[ToolName.Adjust];
        Assert.That(adjust.Quality, Is.EqualTo(-1.0).Within(1e-12), "the 45 TP rows are all negated");
        Assert.That(adjust.SelectionF1, Is.EqualTo(2 * 45.0 / 95).Within(1e-12));
        Assert.That(adjust.Final, Is.Zero);
        Assert.That(adjust.FinalCi95, Is.EqualTo(new Interval(0, 0)));
        Assert.That(all[ToolName.SelectiveAdjust].Quality, Is.LessThan(0));
        Assert.That(all.Overall, Is.EqualTo(1.0 / 3).Within(1e-12), "only filter scores");
    }

    [TestCase(0)]
    [TestCase(20)]
    [TestCase(25)]
    [TestCase(30)]
    [TestCase(45)]
    [TestCase(50)]
    public void Every_final_overall_and_interval_lies_in_zero_to_one(int negated)
    {
        var rows = Dataset();

        var subsets = MetricsCalculator.Compute(rows, Negating(rows, negated, dropSome: true), Options);

        foreach (var subset in subsets)
        {
            Assert.That(subset.Overall, Is.InRange(0.0, 1.0), subset.Name);
            Assert.That(subset.OverallCi95!.Lower, Is.InRange(0.0, 1.0), subset.Name);
            Assert.That(subset.OverallCi95.Upper, Is.InRange(0.0, 1.0), subset.Name);
            foreach (var tool in subset.Tools)
            {
                Assert.That(tool.Final, Is.InRange(0.0, 1.0), $"{subset.Name} {tool.Tool}");
                Assert.That(tool.FinalCi95!.Lower, Is.InRange(0.0, 1.0), $"{subset.Name} {tool.Tool}");
                Assert.That(tool.FinalCi95.Upper, Is.InRange(0.0, 1.0), $"{subset.Name} {tool.Tool}");
                Assert.That(tool.Quality, Is.InRange(-1.0, 1.0), $"{subset.Name} {tool.Tool}");
            }
        }
    }

    [Test]
    public void The_paired_bootstrap_compares_finals_within_zero_to_one()
    {
        var rows = Dataset();

        var differences = PairedBootstrap.Compare(rows, Rows.TeacherPredictions(rows), Negating(rows, negated: 45, dropSome: true), Options);

        foreach (var d in differences)
        {
            Assert.That(new[] { d.A, d.B }, Is.All.InRange(0.0, 1.0), $"{d.Subset} {d.Metric}");
            Assert.That(new[] { d.Difference, d.Ci95.Lower, d.Ci95.Upper }, Is.All.InRange(-1.0, 1.0), $"{d.Subset} {d.Metric}");
        }
        var adjust = differences.Single(d => d.Subset == "all" && d.Metric == "adjust.final");
        Assert.That((adjust.A, adjust.B, adjust.Difference), Is.EqualTo((1.0, 0.0, -1.0)));
    }
}
