using System.Collections.Immutable;

namespace Harness.DataGen;

/// <summary>
/// Builds the concepts of one lexicon family with the family's defaults (word form,
/// tool propensities), so that each concept reads as one line of data.
/// </summary>
internal sealed class ConceptFamily(ConceptKind kind, WordForm form, ToolPropensity propensity)
{
    private readonly List<Concept> _concepts = [];

    public IReadOnlyList<Concept> Concepts => _concepts;

    /// <summary>
    /// Adds a concept. When <paramref name="selective"/> is empty the selective signature is
    /// derived from the adjust one (<see cref="SelectiveFromAdjust"/>), so every concept has both.
    /// </summary>
    public ConceptFamily Add(
        string phrase, string adjust, string selective = "", string filters = "",
        WordForm? formOverride = null, ToolPropensity? propensityOverride = null)
    {
        var adjustSignature = ParameterSpec.Adjust(adjust);
        var selectiveSignature = selective.Length > 0 ? ParameterSpec.Selective(selective) : SelectiveFromAdjust(adjustSignature);
        _concepts.Add(new Concept(
            phrase, kind, formOverride ?? form, adjustSignature, selectiveSignature,
            ParameterSpec.Weights(filters), propensityOverride ?? propensity));
        return this;
    }

    /// <summary>
    /// What a colourist would do per colour for a global change: saturation spreads to every
    /// colour, warmth lifts reds/oranges/yellows and mutes cyan/blue, tint trades green for magenta-ish red.
    /// </summary>
    public static ImmutableArray<double> SelectiveFromAdjust(ImmutableArray<double> adjust)
    {
        double saturation = adjust[5] + 0.5 * adjust[6], temperature = adjust[7], tint = adjust[8], brightness = adjust[2];
        double[] warmth = [0.3, 0.5, 0.4, 0.0, -0.3, -0.5];
        double[] tintWeight = [0.3, 0.0, 0.0, -0.4, 0.0, 0.0];
        var values = new double[12];
        for (var colour = 0; colour < 6; colour++)
        {
            values[2 * colour] = 0.5 * saturation + warmth[colour] * temperature + tintWeight[colour] * tint;
            values[2 * colour + 1] = 0.3 * brightness;
        }
        return [.. values];
    }
}
