using System.Text.RegularExpressions;

namespace Harness.DataGen.Tests;

public class LexiconTests
{
    [Test]
    public void Lexicon_has_a_few_hundred_distinct_concepts_in_every_family()
    {
        Assert.That(Lexicon.All, Has.Length.GreaterThanOrEqualTo(200));
        Assert.That(Lexicon.All.Select(c => c.Phrase), Is.Unique);
        Assert.That(Lexicon.All.Select(c => c.Kind).Distinct(), Is.EquivalentTo(Enum.GetValues<ConceptKind>()));
    }

    [Test]
    public void Every_concept_does_something_to_the_picture()
    {
        foreach (var concept in Lexicon.All)
        {
            Assert.That(concept.Adjust.Concat(concept.Selective), Has.Some.Not.EqualTo(0), concept.Phrase);
            Assert.That(concept.Adjust, Has.Length.EqualTo(14), concept.Phrase);
            Assert.That(concept.Selective, Has.Length.EqualTo(12), concept.Phrase);
        }
    }

    [Test]
    public void Filter_catalogue_names_are_unique_and_in_prefix_style()
    {
        Assert.That(FilterCatalogue.Names, Has.Length.InRange(35, 60));
        Assert.That(FilterCatalogue.Names, Is.Unique);
        Assert.That(FilterCatalogue.Names, Has.All.Matches(new Regex("^[a-z]+_[A-Z0-9][A-Za-z0-9]*$")));
    }

    [Test]
    public void No_filter_look_signature_is_all_zero()
    {
        // The teacher's filter choice uses Similarity.Cosine, which counts two all-zero vectors as
        // equal (1); a non-zero look signature keeps that rule out of the choice.
        Assert.That(FilterCatalogue.All, Has.All.Matches<FilterLook>(f => f.Signature.Any(v => v != 0)));
    }

    [Test]
    public void Filters_txt_has_a_comment_header_then_one_name_per_line()
    {
        var lines = FilterCatalogue.ToText().Split('\n');

        Assert.That(lines[0], Does.StartWith("#"));
        Assert.That(lines[^1], Is.Empty, "ends with a newline");
        Assert.That(lines.Where(l => l.Length > 0 && !l.StartsWith('#')), Is.EqualTo(FilterCatalogue.Names));
    }

    [Test]
    public void Short_parameter_names_read_into_canonical_positions()
    {
        var adjust = ParameterSpec.Adjust("temp 30, hi -20, lin 5");
        var selective = ParameterSpec.Selective("ora.s 30, blu.l -10");

        Assert.That(adjust, Is.EqualTo(new double[] { 0, 0, 0, -20, 0, 0, 0, 30, 0, 0, 0, 0, 0, 5 }));
        Assert.That(selective, Is.EqualTo(new double[] { 0, 0, 30, 0, 0, 0, 0, 0, 0, 0, 0, -10 }));
    }

    [Test]
    public void An_unknown_parameter_name_in_the_lexicon_is_rejected()
    {
        Assert.That(() => ParameterSpec.Adjust("warmth 30"), Throws.ArgumentException.With.Message.Contains("warmth"));
    }
}
