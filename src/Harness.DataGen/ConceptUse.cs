namespace Harness.DataGen;

/// <summary>A concept as used in one intent, with the strength its words gave it.</summary>
internal sealed record ConceptUse(Concept Concept, double Scale);
