namespace Harness.Rendering;

/// <summary>
/// A 3D colour lookup table as a <c>.cube</c> file holds it: <c>Size</c>³ output colours on a
/// regular grid over [<c>DomainMin</c>, <c>DomainMax</c>] per channel, red varying fastest, then
/// green, then blue. Looked up with trilinear interpolation; inputs outside the domain clamp.
/// </summary>
public sealed class CubeLut
{
    /// <summary>Smallest and largest grid size accepted (Adobe's and Resolve's limits).</summary>
    public const int MinSize = 2, MaxSize = 256;

    public CubeLut(int size, float[] table, string? title = null, IReadOnlyList<string>? comments = null,
        (double R, double G, double B)? domainMin = null, (double R, double G, double B)? domainMax = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, MinSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxSize);
        ArgumentNullException.ThrowIfNull(table);
        if (table.Length != size * size * size * 3)
            throw new ArgumentException($"A size-{size} LUT holds {size * size * size * 3} numbers, got {table.Length}.", nameof(table));
        Size = size;
        Table = table;
        Title = title;
        Comments = comments ?? [];
        DomainMin = domainMin ?? (0, 0, 0);
        DomainMax = domainMax ?? (1, 1, 1);
    }

    public int Size { get; }

    /// <summary>Output red, green, blue of each grid point; point (r, g, b) starts at <c>3 * (r + Size * (g + Size * b))</c>.</summary>
    public float[] Table { get; }

    public string? Title { get; }

    /// <summary>Comment lines (without the leading <c>#</c>) written before the keywords.</summary>
    public IReadOnlyList<string> Comments { get; }

    public (double R, double G, double B) DomainMin { get; }

    public (double R, double G, double B) DomainMax { get; }

    /// <summary>The identity LUT of a size: each grid point maps to itself.</summary>
    public static CubeLut Identity(int size) => Build(size, (r, g, b) => (r, g, b));

    /// <summary>Samples <paramref name="map"/> at every grid point of [0, 1]³.</summary>
    public static CubeLut Build(int size, Func<double, double, double, (double R, double G, double B)> map, string? title = null, IReadOnlyList<string>? comments = null)
    {
        var table = new float[size * size * size * 3];
        var i = 0;
        for (var b = 0; b < size; b++)
        for (var g = 0; g < size; g++)
        for (var r = 0; r < size; r++)
        {
            var (outR, outG, outB) = map(r / (double)(size - 1), g / (double)(size - 1), b / (double)(size - 1));
            table[i++] = (float)outR;
            table[i++] = (float)outG;
            table[i++] = (float)outB;
        }
        return new CubeLut(size, table, title, comments);
    }

    /// <summary>The LUT's colour for an input colour (trilinear interpolation).</summary>
    public (double R, double G, double B) Apply(double r, double g, double b)
    {
        var n = Size - 1;
        var (x, i0) = Cell((r - DomainMin.R) / (DomainMax.R - DomainMin.R) * n, n);
        var (y, j0) = Cell((g - DomainMin.G) / (DomainMax.G - DomainMin.G) * n, n);
        var (z, k0) = Cell((b - DomainMin.B) / (DomainMax.B - DomainMin.B) * n, n);
        var stepG = Size * 3;
        var stepB = Size * Size * 3;
        var c000 = 3 * (i0 + Size * (j0 + Size * k0));
        var c100 = c000 + 3;
        var c010 = c000 + stepG;
        var c110 = c010 + 3;
        var c001 = c000 + stepB;
        var c101 = c001 + 3;
        var c011 = c001 + stepG;
        var c111 = c011 + 3;
        return (Blend(0), Blend(1), Blend(2));

        double Blend(int channel)
        {
            var t = Table;
            var e00 = t[c000 + channel] + (t[c100 + channel] - t[c000 + channel]) * x;
            var e10 = t[c010 + channel] + (t[c110 + channel] - t[c010 + channel]) * x;
            var e01 = t[c001 + channel] + (t[c101 + channel] - t[c001 + channel]) * x;
            var e11 = t[c011 + channel] + (t[c111 + channel] - t[c011 + channel]) * x;
            var f0 = e00 + (e10 - e00) * y;
            var f1 = e01 + (e11 - e01) * y;
            return f0 + (f1 - f0) * z;
        }
    }

    /// <summary>The lower grid index of a coordinate and the fraction towards the next, clamped to the grid.</summary>
    private static (double Fraction, int Index) Cell(double position, int last)
    {
        if (!(position > 0)) return (0, 0);
        if (position >= last) return (1, last - 1);
        var index = (int)position;
        return (position - index, index);
    }
}
