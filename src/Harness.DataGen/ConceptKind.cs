namespace Harness.DataGen;

/// <summary>The lexicon family a concept belongs to; templates ask for some kinds by name.</summary>
internal enum ConceptKind
{
    TimeOfDay,
    Weather,
    Mood,
    FilmStock,
    Season,
    Place,
    Era,
    Colour,
    Technical,
    Cinema,
    Light,
}
