using System.Collections.Immutable;

namespace Harness.DataGen;

/// <summary>
/// One look concept of the lexicon: the words, and what the synthetic teacher does for it.
/// </summary>
/// <param name="Phrase">The words as they appear in an intent (lower case).</param>
/// <param name="Kind">Its family.</param>
/// <param name="Form">How it fits into templates.</param>
/// <param name="Adjust">Signature over the 14 adjust parameters (canonical order).</param>
/// <param name="Selective">Signature over the 12 selective-adjust components (canonical order).</param>
/// <param name="FilterAffinity">Explicit preference for catalogue filters (name, weight).</param>
/// <param name="Propensity">How strongly the concept calls for each tool.</param>
internal sealed record Concept(
    string Phrase,
    ConceptKind Kind,
    WordForm Form,
    ImmutableArray<double> Adjust,
    ImmutableArray<double> Selective,
    ImmutableArray<KeyValuePair<string, double>> FilterAffinity,
    ToolPropensity Propensity);
