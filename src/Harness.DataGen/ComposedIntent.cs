using System.Collections.Immutable;

namespace Harness.DataGen;

/// <summary>An intent's text and the concepts it was made from.</summary>
internal sealed record ComposedIntent(string Text, ImmutableArray<ConceptUse> Uses);
