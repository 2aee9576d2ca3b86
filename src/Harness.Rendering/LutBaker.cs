using System.Collections.Immutable;
using System.Globalization;
using Harness.Tools;

namespace Harness.Rendering;

/// <summary>
/// Bakes a stand-in filter LUT from a look over the 14 adjust parameters (the dataset
/// generator's filter signature): each grid point, an encoded sRGB colour, goes through the
/// adjust tool's per-pixel operations. The spatial parameters (bloom, sharpen, structure)
/// cannot live in a colour table and are left out.
/// </summary>
public static class LutBaker
{
    /// <summary>Grid size of the shipped LUTs.</summary>
    public const int Size = 17;

    /// <summary>Decimals per number in the shipped LUT files.</summary>
    public const int Decimals = 4;

    public static CubeLut Bake(string name, ImmutableArray<double> look, int size = Size)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (look.Length != ToolSchema.AdjustParameters.Length)
            throw new ArgumentException($"A look has {ToolSchema.AdjustParameters.Length} adjust values, got {look.Length}.", nameof(look));
        var tool = new AdjustTool(look);
        var described = string.Join(", ", ToolSchema.AdjustParameters.Select((p, i) => (p, v: look[i])).Where(x => x.v != 0)
            .Select(x => $"{x.p} {x.v.ToString(CultureInfo.InvariantCulture)}"));
        string[] comments =
        [
            $"{name}: a stand-in for the app's LUT, baked by Harness.Rendering's LutBaker",
            $"from the dataset generator's look signature: {described}",
            "(per-pixel adjust parameters only; bloom, sharpen and structure are spatial and left out).",
        ];
        return CubeLut.Build(size, (r, g, b) =>
        {
            var (lr, lg, lb) = (Srgb.Decode(r), Srgb.Decode(g), Srgb.Decode(b));
            tool.ApplyPoint(ref lr, ref lg, ref lb);
            return (Srgb.EncodeContinuous(lr), Srgb.EncodeContinuous(lg), Srgb.EncodeContinuous(lb));
        }, name, comments);
    }
}
