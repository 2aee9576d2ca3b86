namespace Harness.Plugins.Shared;

/// <summary>
/// The softmax probability mass of some tokens in one step's logits, computed in double precision
/// after subtracting the largest logit: how a generative plugin turns its first decoding step into
/// <see cref="Harness.Backends.ToolResponse.NotUsedProbability"/>.
/// </summary>
internal static class FirstStepMass
{
    /// <summary>Σ softmax(<paramref name="logits"/>)ᵢ over the distinct ids in <paramref name="tokens"/> (ids outside the vocabulary count 0).</summary>
    public static double Of(ReadOnlySpan<float> logits, IReadOnlyList<int> tokens)
    {
        var max = float.NegativeInfinity;
        foreach (var l in logits) if (l > max) max = l;
        var total = 0.0;
        foreach (var l in logits) total += Math.Exp(l - (double)max);
        var mass = 0.0;
        foreach (var id in tokens.Distinct()) if (id >= 0 && id < logits.Length) mass += Math.Exp(logits[id] - (double)max);
        return mass / total;
    }
}
