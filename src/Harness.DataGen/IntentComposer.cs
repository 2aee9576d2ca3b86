using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace Harness.DataGen;

/// <summary>Writes intents from the lexicon: picks a template, fills its slots with distinct concepts.</summary>
internal sealed partial class IntentComposer
{
    private static readonly double[] ConceptCountWeights = [0.35, 0.40, 0.25];

    private readonly ImmutableDictionary<string, ImmutableArray<Concept>> _pools;

    public IntentComposer(ImmutableArray<Concept> lexicon)
    {
        _pools = new Dictionary<string, ImmutableArray<Concept>>
        {
            ["adj"] = [.. lexicon.Where(c => c.Form == WordForm.Adjective)],
            ["noun"] = [.. lexicon.Where(c => c.Form == WordForm.Noun)],
            ["change"] = [.. lexicon.Where(c => c.Form is WordForm.Change or WordForm.Command)],
            ["time"] = [.. lexicon.Where(c => c.Kind == ConceptKind.TimeOfDay)],
            ["place"] = [.. lexicon.Where(c => c.Kind == ConceptKind.Place)],
            ["stock"] = [.. lexicon.Where(c => c.Kind == ConceptKind.FilmStock)],
            ["season"] = [.. lexicon.Where(c => c.Kind == ConceptKind.Season)],
            ["weather"] = [.. lexicon.Where(c => c.Kind == ConceptKind.Weather)],
        }.ToImmutableDictionary(StringComparer.Ordinal);
    }

    public ComposedIntent Compose(SplitMix64 rng)
    {
        var templates = IntentTemplates.ByConceptCount[PickCount(rng)];
        var template = rng.Pick(templates);
        var text = new StringBuilder();
        var uses = ImmutableArray.CreateBuilder<ConceptUse>();
        var degreePending = false;
        var last = 0;
        foreach (Match slot in SlotPattern().Matches(template))
        {
            text.Append(template, last, slot.Index - last);
            last = slot.Index + slot.Length;
            if (slot.Groups["pool"].Value == "m")
            {
                degreePending = true;
                continue;
            }
            var concept = PickDistinct(rng, _pools[slot.Groups["pool"].Value], uses);
            var scale = SlotScale(slot);
            if (degreePending && concept.Form is WordForm.Adjective or WordForm.Change)
            {
                var degree = rng.Pick(concept.Form == WordForm.Adjective ? IntentTemplates.AdjectiveDegrees : IntentTemplates.ChangeDegrees);
                if (degree.Text.Length > 0) text.Append(degree.Text).Append(' ');
                scale *= degree.Scale;
            }
            degreePending = false;
            text.Append(concept.Phrase);
            uses.Add(new ConceptUse(concept, scale));
        }
        text.Append(template, last, template.Length - last);
        return new ComposedIntent(Polish(text.ToString(), rng), uses.ToImmutable());
    }

    /// <summary>The key intents must be unique under: lower case, single spaces.</summary>
    public static string Normalise(string intent) => Spaces().Replace(intent.Trim().ToLowerInvariant(), " ");

    private static int PickCount(SplitMix64 rng)
    {
        var u = rng.NextDouble();
        for (var i = 0; i < ConceptCountWeights.Length - 1; i++)
        {
            if (u < ConceptCountWeights[i]) return i;
            u -= ConceptCountWeights[i];
        }
        return ConceptCountWeights.Length - 1;
    }

    private static Concept PickDistinct(SplitMix64 rng, ImmutableArray<Concept> pool, ImmutableArray<ConceptUse>.Builder taken)
    {
        while (true)
        {
            var concept = pool[rng.NextInt(pool.Length)];
            if (!taken.Any(u => ReferenceEquals(u.Concept, concept))) return concept;
        }
    }

    private static double SlotScale(Match slot) =>
        slot.Groups["scale"].Success ? double.Parse(slot.Groups["scale"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1.0;

    private static string Polish(string text, SplitMix64 rng)
    {
        text = Tidy(text);
        return rng.Chance(0.1) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    // Template text has stray spaces where a degree word was empty, and "a" before vowels.
    private static string Tidy(string text) => ArticleBeforeVowel().Replace(Spaces().Replace(text.Trim(), " "), "an ");

    [GeneratedRegex(@"\{(?<pool>[a-z]+)(\*(?<scale>[0-9.]+))?\}")]
    private static partial Regex SlotPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\ba (?=[aeiou])")]
    private static partial Regex ArticleBeforeVowel();
}
