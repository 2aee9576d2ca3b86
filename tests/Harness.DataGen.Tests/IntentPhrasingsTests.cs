namespace Harness.DataGen.Tests;

public class IntentPhrasingsTests
{
    private static readonly GeneratedSplit Train = GeneratedData.Default.Train;
    private static readonly IntentComposer Composer = new(Lexicon.All);

    [Test]
    public void Every_intent_the_composer_wrote_is_among_the_phrasings_of_its_concepts()
    {
        var missed = Enumerable.Range(0, Train.Rows.Length)
            .Where(i => !Composer.Phrasings(Train.Uses[i]).Any(p => IntentComposer.Normalise(p.Text) == IntentComposer.Normalise(Train.Rows[i].Intent)))
            .Select(i => Train.Rows[i].Intent)
            .ToList();

        Assert.That(missed, Is.Empty);
    }

    [Test]
    public void Every_phrasing_says_the_same_concepts_at_the_same_strengths()
    {
        for (var i = 0; i < 500; i++)
        {
            var original = Train.Uses[i].OrderBy(u => u.Concept.Phrase, StringComparer.Ordinal);
            foreach (var phrasing in Composer.Phrasings(Train.Uses[i]))
            {
                Assert.That(phrasing.Uses.OrderBy(u => u.Concept.Phrase, StringComparer.Ordinal), Is.EqualTo(original), phrasing.Text);
                Assert.That(phrasing.Uses.Select(u => u.Concept.Phrase), Has.All.Matches<string>(phrasing.Text.Contains), phrasing.Text);
            }
        }
    }

    [Test]
    public void Phrasings_differ_from_one_another_ignoring_case_and_spacing()
    {
        var phrasings = Composer.Phrasings(Train.Uses[1]);

        Assert.That(phrasings, Has.Count.GreaterThan(3));
        Assert.That(phrasings.Select(p => IntentComposer.Normalise(p.Text)), Is.Unique);
    }
}
