using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Harness.DataGen;

/// <summary>Says given concepts in every way the templates allow (for augmentation).</summary>
internal sealed partial class IntentComposer
{
    // Slot scales times degree scales reproduce a use's scale exactly; the tolerance only absorbs rounding.
    private const double ScaleTolerance = 1e-9;

    /// <summary>
    /// Every phrasing of exactly these concepts at exactly these strengths: each template with one slot
    /// per concept, each order of the concepts that fits the slots' pools, and each degree word (or
    /// slot scale, "a hint of") that gives every concept its strength, so "a bit" may stand for
    /// "a little" but never for "very". Tidied like composed intents, never capitalised, one per
    /// <see cref="Normalise"/>d text, in a fixed order.
    /// </summary>
    public IReadOnlyList<ComposedIntent> Phrasings(ImmutableArray<ConceptUse> uses)
    {
        var found = new List<ComposedIntent>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var template in IntentTemplates.ByConceptCount[uses.Length - 1])
        {
            foreach (var order in Orders(uses))
            {
                foreach (var text in Texts(template, order))
                {
                    var tidy = Tidy(text);
                    if (keys.Add(Normalise(tidy))) found.Add(new ComposedIntent(tidy, order));
                }
            }
        }
        return found;
    }

    private static IEnumerable<ImmutableArray<ConceptUse>> Orders(ImmutableArray<ConceptUse> uses)
    {
        if (uses.Length <= 1)
        {
            yield return uses;
            yield break;
        }
        for (var first = 0; first < uses.Length; first++)
        {
            foreach (var rest in Orders(uses.RemoveAt(first)))
                yield return rest.Insert(0, uses[first]);
        }
    }

    // The template filled with the concepts in this order, one text per choice of degree words;
    // none when a concept does not fit its slot's pool or cannot get its strength there.
    private IEnumerable<string> Texts(string template, ImmutableArray<ConceptUse> order)
    {
        var pieces = new List<string[]>();
        var degreePending = false;
        var last = 0;
        var next = 0;
        foreach (Match slot in SlotPattern().Matches(template))
        {
            pieces.Add([template[last..slot.Index]]);
            last = slot.Index + slot.Length;
            var pool = slot.Groups["pool"].Value;
            if (pool == "m")
            {
                degreePending = true;
                continue;
            }
            var use = order[next++];
            if (!_pools[pool].Contains(use.Concept)) return [];
            var degrees = degreePending && use.Concept.Form is WordForm.Adjective or WordForm.Change
                ? (use.Concept.Form == WordForm.Adjective ? IntentTemplates.AdjectiveDegrees : IntentTemplates.ChangeDegrees)
                : [("", 1.0)];
            var said = degrees
                .Where(d => Math.Abs(SlotScale(slot) * d.Scale - use.Scale) < ScaleTolerance)
                .Select(d => d.Text.Length > 0 ? d.Text + " " + use.Concept.Phrase : use.Concept.Phrase)
                .Distinct()
                .ToArray();
            if (said.Length == 0) return [];
            pieces.Add(said);
            degreePending = false;
        }
        pieces.Add([template[last..]]);
        return pieces.Aggregate((IEnumerable<string>)[""], (texts, piece) => texts.SelectMany(t => piece.Select(p => t + p)));
    }
}
