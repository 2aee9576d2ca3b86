using Harness.Metrics;
using Harness.Tests.Support;

namespace Harness.Core.Tests.Metrics;

public class PairedBootstrapTests
{
    [Test]
    public void Identical_prediction_sets_differ_by_zero_with_a_zero_interval()
    {
        var rows = MetricsSamples.Rows(120);
        var predictions = MetricsSamples.Predictions(rows);
        var differences = PairedBootstrap.Compare(rows, predictions, predictions, BootstrapOptions.Default);

        Assert.That(differences, Has.Length.EqualTo(12));
        Assert.That(differences.Select(d => d.Metric).Take(4), Is.EqualTo(new[] { "adjust.final", "selective_adjust.final", "filter.final", "overall" }));
        Assert.That(differences.Select(d => d.Subset).Distinct(), Is.EqualTo(new[] { "all", "r3", "r5" }));
        foreach (var d in differences)
        {
            Assert.That(d.Difference, Is.Zero);
            Assert.That(d.Ci95, Is.EqualTo(new Interval(0, 0)));
        }
    }

    [Test]
    public void The_difference_is_b_minus_a_and_matches_the_unpaired_point_estimates()
    {
        var rows = MetricsSamples.Rows(120);
        var teacher = Rows.TeacherPredictions(rows);
        var noisy = MetricsSamples.Predictions(rows);
        var options = new BootstrapOptions(Seed: 3, Resamples: 300);
        var differences = PairedBootstrap.Compare(rows, noisy, teacher, options);
        var noisyAll = MetricsCalculator.Compute(rows, noisy, options)[0];

        var overall = differences.Single(d => d.Subset == "all" && d.Metric == "overall");
        Assert.That(overall.A, Is.EqualTo(noisyAll.Overall));
        Assert.That(overall.B, Is.EqualTo(1));
        Assert.That(overall.Difference, Is.EqualTo(1 - noisyAll.Overall).Within(1e-12));
        Assert.That(overall.Ci95.Lower, Is.GreaterThan(0), "the teacher is better on every resample");
        Assert.That(overall.Ci95.Contains(overall.Difference), Is.True);
        Assert.That(PairedBootstrap.Compare(rows, noisy, teacher, options), Is.EqualTo(differences), "same seed, same intervals");
    }

    [Test]
    public void An_empty_subset_has_a_zero_difference_and_a_zero_interval()
    {
        var rows = new[] { Rows.Row("a", repeats: 1, adjust: Rows.Adjust(1)), Rows.Row("b", repeats: 2) };
        var differences = PairedBootstrap.Compare(rows, Rows.NullPredictions(rows), Rows.TeacherPredictions(rows), BootstrapOptions.Default);
        var r5 = differences.Where(d => d.Subset == "r5").ToList();
        Assert.That(r5, Has.Count.EqualTo(4));
        Assert.That(r5.Select(d => d.Difference), Is.All.Zero);
        Assert.That(r5.Select(d => d.Ci95), Is.All.EqualTo(new Interval(0, 0)));
        Assert.That(differences.Single(d => d.Subset == "all" && d.Metric == "adjust.final").Difference, Is.EqualTo(1));
    }

    [Test]
    public void The_gap_closed_is_zero_at_the_floor_one_at_the_ceiling_and_the_ratio_of_overalls_between()
    {
        var rows = MetricsSamples.Rows(200);
        var floor = Rows.NullPredictions(rows);
        var ceiling = Rows.TeacherPredictions(rows);
        var candidate = MetricsSamples.Predictions(rows);
        var options = new BootstrapOptions(Seed: 5, Resamples: 400);
        var overall = (IReadOnlyDictionary<string, Harness.Parsing.RowPrediction> p) => MetricsCalculator.Compute(rows, p, options)[0].Overall;

        var share = PairedBootstrap.GapClosed(rows, floor, ceiling, candidate, options)!;
        var expected = (overall(candidate) - overall(floor)) / (overall(ceiling) - overall(floor));

        Assert.That(share.Share, Is.EqualTo(expected).Within(1e-12));
        Assert.That(share.Share, Is.GreaterThan(0).And.LessThan(1), "the sample predictions lie between nothing and the teacher");
        Assert.That(share.Ci95!.Contains(share.Share), Is.True);
        Assert.That(share.Ci95.Upper - share.Ci95.Lower, Is.GreaterThan(0));
        Assert.That(PairedBootstrap.GapClosed(rows, floor, ceiling, floor, options), Is.EqualTo(new GapShare(0, new Interval(0, 0))));
        Assert.That(PairedBootstrap.GapClosed(rows, floor, ceiling, ceiling, options), Is.EqualTo(new GapShare(1, new Interval(1, 1))));
    }

    [Test]
    public void There_is_no_gap_share_when_the_ceiling_does_not_beat_the_floor()
    {
        var rows = MetricsSamples.Rows(50);
        var teacher = Rows.TeacherPredictions(rows);

        Assert.That(PairedBootstrap.GapClosed(rows, teacher, teacher, MetricsSamples.Predictions(rows), BootstrapOptions.Default), Is.Null);
    }
}
