using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Tools;

namespace Harness.DataGen.Tests;

/// <summary>The data carries signal: what the teacher does follows the words, so a model can learn it.</summary>
public class ConceptSignalTests
{
    private static readonly GeneratedSplit Train = GeneratedData.Default.Train;

    [Test]
    public void Film_stock_intents_use_the_filter_far_more_often_than_other_intents()
    {
        var (withStock, without) = Partition(uses => uses.Any(u => u.Concept.Kind == ConceptKind.FilmStock));

        var stockRate = UseRate(withStock, ToolName.Filter);
        var otherRate = UseRate(without, ToolName.Filter);

        Assert.That(withStock, Has.Count.GreaterThan(100));
        Assert.That(stockRate, Is.GreaterThan(otherRate + 0.2), $"film stock {stockRate:F2} vs other {otherRate:F2}");
    }

    [Test]
    public void Colour_words_call_for_selective_adjust_and_plain_edits_do_not()
    {
        var (colour, _) = Partition(uses => uses.Any(u => u.Concept.Kind == ConceptKind.Colour));
        var (technical, _) = Partition(uses => uses.All(u => u.Concept.Kind == ConceptKind.Technical));

        var colourRate = UseRate(colour, ToolName.SelectiveAdjust);
        var technicalRate = UseRate(technical, ToolName.SelectiveAdjust);

        Assert.That(technical, Has.Count.GreaterThan(100));
        Assert.That(colourRate, Is.GreaterThan(technicalRate + 0.3), $"colour {colourRate:F2} vs technical {technicalRate:F2}");
    }

    [Test]
    public void A_film_stock_named_alone_mostly_gets_its_own_filter()
    {
        var rows = Rows(uses => uses.Length == 1 && uses[0].Concept.Kind == ConceptKind.FilmStock)
            .Where(x => x.Row.TeacherFor(ToolName.Filter) is not null)
            .ToList();

        var ownFilter = rows.Count(x =>
            ((FilterSetting)x.Row.TeacherFor(ToolName.Filter)!).Name == x.Uses[0].Concept.FilterAffinity.MaxBy(a => a.Value).Key);

        Assert.That(rows, Has.Count.GreaterThan(50));
        Assert.That(ownFilter / (double)rows.Count, Is.GreaterThan(0.8));
    }

    [Test]
    public void Single_concept_adjust_outputs_point_the_way_of_the_concept()
    {
        var cosines = Rows(uses => uses.Length == 1)
            .Where(x => x.Row.TeacherFor(ToolName.Adjust) is VectorSetting && x.Uses[0].Concept.Adjust.Any(v => v != 0))
            .Select(x => Cosine(((VectorSetting)x.Row.TeacherFor(ToolName.Adjust)!).Values, x.Uses[0].Concept.Adjust))
            .ToList();

        Assert.That(cosines, Has.Count.GreaterThan(500));
        Assert.That(cosines.Average(), Is.GreaterThan(0.9));
    }

    [Test]
    public void Degree_words_scale_the_teachers_edit()
    {
        var single = Rows(uses => uses.Length == 1)
            .Where(x => x.Row.TeacherFor(ToolName.Adjust) is VectorSetting && x.Uses[0].Concept.Adjust.Any(v => v != 0))
            .Select(x => (x.Uses[0].Scale, Ratio: L1(((VectorSetting)x.Row.TeacherFor(ToolName.Adjust)!).Values) / L1(x.Uses[0].Concept.Adjust)))
            .ToList();

        var weak = single.Where(x => x.Scale <= 0.6).Select(x => x.Ratio).ToList();
        var strong = single.Where(x => x.Scale >= 1.4).Select(x => x.Ratio).ToList();

        Assert.That(weak, Has.Count.GreaterThan(30));
        Assert.That(strong, Has.Count.GreaterThan(30));
        Assert.That(strong.Average(), Is.GreaterThan(1.5 * weak.Average()));
    }

    [Test]
    public void A_model_that_knows_the_words_scores_far_above_one_that_ignores_them()
    {
        // "Knows the words": the teacher model itself, redrawn with other noise. "Ignores them": the mean answer.
        var rng = new SplitMix64(99);
        var rows = Train.Rows.Select((row, i) => (Row: row, Redrawn: TeacherModel.Draft(Train.Uses[i], rng))).ToList();
        var adjusted = rows.Where(x => x.Row.TeacherFor(ToolName.Adjust) is VectorSetting).ToList();
        var truth = adjusted.Select(x => ((VectorSetting)x.Row.TeacherFor(ToolName.Adjust)!).Values).ToList();
        var mean = Enumerable.Range(0, 14).Select(p => truth.Average(v => v[p])).ToImmutableArray();
        var filtered = rows.Where(x => x.Row.TeacherFor(ToolName.Filter) is FilterSetting).ToList();
        var names = filtered.Select(x => ((FilterSetting)x.Row.TeacherFor(ToolName.Filter)!).Name).ToList();
        var commonest = names.GroupBy(n => n).MaxBy(g => g.Count())!.Key;

        var knowing = adjusted.Select((x, i) => Cosine(truth[i], [.. x.Redrawn.Adjust.Select(v => (double)v)])).Average();
        var ignoring = truth.Select(v => Cosine(v, mean)).Average();
        var knowingFilter = filtered.Select((x, i) => x.Redrawn.FilterName == names[i] ? 1.0 : 0.0).Average();
        var ignoringFilter = names.Count(n => n == commonest) / (double)names.Count;

        TestContext.Out.WriteLine($"adjust cosine {knowing:F3} vs {ignoring:F3}; filter accuracy {knowingFilter:F3} vs {ignoringFilter:F3}");
        Assert.That(knowing, Is.GreaterThan(ignoring + 0.3), $"adjust cosine {knowing:F2} vs {ignoring:F2}");
        Assert.That(knowingFilter, Is.GreaterThan(ignoringFilter + 0.4), $"filter accuracy {knowingFilter:F2} vs {ignoringFilter:F2}");
    }

    private static (List<DatasetRow> Match, List<DatasetRow> Others) Partition(Func<ImmutableArray<ConceptUse>, bool> predicate)
    {
        var match = Rows(predicate).Select(x => x.Row).ToList();
        var rest = Train.Rows.Except(match).ToList();
        return (match, rest);
    }

    private static IEnumerable<(DatasetRow Row, ImmutableArray<ConceptUse> Uses)> Rows(Func<ImmutableArray<ConceptUse>, bool> predicate) =>
        Train.Rows.Select((row, i) => (row, Train.Uses[i])).Where(x => predicate(x.Item2));

    private static double UseRate(List<DatasetRow> rows, ToolName tool) =>
        rows.Count(r => r.TeacherFor(tool) is not null) / (double)rows.Count;

    private static double L1(ImmutableArray<double> values) => values.Sum(Math.Abs);

    private static double Cosine(ImmutableArray<double> a, ImmutableArray<double> b)
    {
        var dot = a.Zip(b, (x, y) => x * y).Sum();
        var norm = Math.Sqrt(a.Sum(x => x * x) * b.Sum(x => x * x));
        return norm == 0 ? 0 : dot / norm;
    }
}
