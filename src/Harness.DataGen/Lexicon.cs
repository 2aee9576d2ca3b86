using System.Collections.Immutable;

namespace Harness.DataGen;

/// <summary>
/// The look concepts intents are made of. Each family lives in its own file
/// (<c>Lexicon.*.cs</c>), one concept per line:
/// <c>Add(phrase, adjust signature, [selective signature], [filter weights])</c>.
/// Signature names: exp(osure), con(trast), bri(ghtness), hi(ghlights), sh(adows), sat(uration),
/// vib(rance), temp(erature), tint, hue, bloom, sharp(en), struct(ure), lin(earOffset);
/// selective <c>ora.s</c> = orange saturation, <c>blu.l</c> = blue luminance. A concept without a
/// selective signature gets one derived from its adjust signature.
/// </summary>
internal static partial class Lexicon
{
    /// <summary>Every concept, families in a fixed order.</summary>
    public static ImmutableArray<Concept> All { get; } = Build();

    private static ImmutableArray<Concept> Build()
    {
        ConceptFamily[] families =
        [
            TimesOfDay(), Weather(), Moods(), FilmStocks(), Seasons(), Places(),
            Eras(), Colours(), Technical(), Cinema(), Light(),
        ];
        var all = families.SelectMany(f => f.Concepts).ToImmutableArray();
        var known = FilterCatalogue.Names.ToHashSet(StringComparer.Ordinal);
        foreach (var concept in all)
        {
            foreach (var affinity in concept.FilterAffinity)
            {
                if (!known.Contains(affinity.Key))
                    throw new InvalidOperationException($"Lexicon concept '{concept.Phrase}' names unknown filter '{affinity.Key}'.");
            }
        }
        return all;
    }
}
