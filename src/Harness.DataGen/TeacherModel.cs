using System.Collections.Immutable;
using Harness.Metrics;

namespace Harness.DataGen;

/// <summary>
/// The synthetic teacher: sums the concepts' signatures scaled by their degree words, adds a
/// little noise, rounds to multiples of 5 and clamps; picks the filter with the highest affinity.
/// Without its random draws (<see cref="Ideal"/>) it is the oracle: the best answer that knowing
/// the intent's concepts allows.
/// </summary>
internal static class TeacherModel
{
    // Several concepts share the edit rather than stack at full strength.
    private static readonly double[] MixWeight = [1.0, 0.8, 0.7];

    /// <summary>The teacher's answer, with its noise drawn from <paramref name="rng"/>.</summary>
    public static TeacherDraft Draft(ImmutableArray<ConceptUse> uses, SplitMix64 rng) => Make(uses, rng);

    /// <summary>The same answer with none of the teacher's random draws (no noise, no nudges).</summary>
    public static TeacherDraft Ideal(ImmutableArray<ConceptUse> uses) => Make(uses, null);

    // A null rng leaves every random term out; with one, the draws come in the order the shipped data was made with.
    private static TeacherDraft Make(ImmutableArray<ConceptUse> uses, SplitMix64? rng)
    {
        var weight = MixWeight[Math.Min(uses.Length, MixWeight.Length) - 1];
        var adjust = Noisy(Combine(uses, weight, c => c.Adjust), rng, -100, 100);
        var selective = Noisy(Combine(uses, weight, c => c.Selective), rng, -100, 100);
        var (filter, explicitWeight) = PickFilter(uses, rng);
        var strength = Math.Min(uses.Sum(u => u.Scale) * weight, 1.6);
        var intensity = RoundAndClamp(20 + 20 * strength + 3 * explicitWeight + (rng is null ? 0 : 6 * rng.NextGaussian()), 5, 100);
        return new TeacherDraft(Propensity(uses), adjust, selective, filter, intensity);
    }

    /// <summary>Noisy-or over the concepts: any concept that calls for a tool makes it likely.</summary>
    private static ImmutableArray<double> Propensity(ImmutableArray<ConceptUse> uses)
    {
        var result = new double[3];
        for (var tool = 0; tool < 3; tool++)
        {
            var none = 1.0;
            foreach (var use in uses) none *= 1 - use.Concept.Propensity[tool];
            result[tool] = 1 - none;
        }
        return [.. result];
    }

    private static double[] Combine(ImmutableArray<ConceptUse> uses, double weight, Func<Concept, ImmutableArray<double>> signature)
    {
        var sum = new double[signature(uses[0].Concept).Length];
        foreach (var use in uses)
        {
            var values = signature(use.Concept);
            for (var i = 0; i < sum.Length; i++) sum[i] += use.Scale * weight * values[i];
        }
        return sum;
    }

    // Noise on what the concepts set, and now and then a nudge to a parameter they left alone.
    private static ImmutableArray<int> Noisy(double[] values, SplitMix64? rng, int min, int max)
    {
        var result = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var value = Math.Abs(values[i]) >= 2.5 ? values[i] + (rng is null ? 0 : 3 * rng.NextGaussian()) : 0;
            result[i] = RoundAndClamp(value, min, max);
        }
        if (rng is not null && rng.Chance(0.08))
        {
            var i = rng.NextInt(values.Length);
            if (result[i] == 0) result[i] = rng.Chance(0.5) ? 5 : -5;
        }
        return [.. result];
    }

    private static (string Name, double ExplicitWeight) PickFilter(ImmutableArray<ConceptUse> uses, SplitMix64? rng)
    {
        var catalogue = FilterCatalogue.All;
        var best = 0;
        var bestScore = double.NegativeInfinity;
        var bestExplicit = 0.0;
        for (var f = 0; f < catalogue.Length; f++)
        {
            double score = 0, explicitWeight = 0;
            foreach (var use in uses)
            {
                var stated = use.Concept.FilterAffinity.Where(a => a.Key == catalogue[f].Name).Sum(a => a.Value);
                explicitWeight = Math.Max(explicitWeight, stated);
                // No catalogue signature is all zero (a test holds this), so Similarity's both-zero rule never applies.
                score += use.Scale * (stated + 0.8 * Similarity.Cosine(use.Concept.Adjust, catalogue[f].Signature));
            }
            if (rng is not null) score += 0.12 * rng.NextGaussian();
            if (score > bestScore)
            {
                (best, bestScore, bestExplicit) = (f, score, explicitWeight);
            }
        }
        return (catalogue[best].Name, bestExplicit);
    }

    public static int RoundAndClamp(double value, int min, int max) =>
        Math.Clamp((int)Math.Round(value / 5, MidpointRounding.AwayFromZero) * 5, min, max);
}
