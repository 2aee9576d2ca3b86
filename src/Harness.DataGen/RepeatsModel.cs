using System.Collections.Immutable;
using Harness.Tools;

namespace Harness.DataGen;

/// <summary>
/// How often users asked for an intent, and how often they exported each tool's result.
/// Repeats follow a discrete Pareto law, P(repeats ≥ k) = k^-α, heavier-tailed for short
/// intents (one concept, α = 0.95) than for long ones (three concepts, α = 1.3).
/// </summary>
internal static class RepeatsModel
{
    private static readonly double[] Alpha = [0.95, 1.1, 1.3];
    private static readonly double[] ExportRate = [0.45, 0.35, 0.5];
    private const int MaxRepeats = 2000;

    public static int Draw(int conceptCount, SplitMix64 rng)
    {
        var alpha = Alpha[Math.Min(conceptCount, Alpha.Length) - 1];
        var u = 1.0 - rng.NextDouble(); // (0, 1]
        var value = Math.Floor(Math.Pow(u, -1.0 / alpha));
        return (int)Math.Min(value, MaxRepeats);
    }

    /// <summary>Exports per tool: about a tool-specific share of the repeats when the tool was used, else 0.</summary>
    public static ImmutableDictionary<ToolName, int> Exports(int repeats, bool[] used, SplitMix64 rng)
    {
        var builder = ImmutableDictionary.CreateBuilder<ToolName, int>();
        foreach (var tool in ToolSchema.All)
        {
            var t = (int)tool;
            var noise = rng.NextGaussian();
            if (!used[t])
            {
                builder[tool] = 0;
                continue;
            }
            var mean = repeats * ExportRate[t];
            var draw = Math.Round(mean + Math.Sqrt(mean * (1 - ExportRate[t])) * noise, MidpointRounding.AwayFromZero);
            builder[tool] = (int)Math.Clamp(draw, 0, repeats);
        }
        return builder.ToImmutable();
    }
}
