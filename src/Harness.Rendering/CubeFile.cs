using System.Globalization;
using System.Text;

namespace Harness.Rendering;

/// <summary>
/// Reads and writes 3D LUTs in the Adobe / DaVinci Resolve <c>.cube</c> text format:
/// <c>TITLE "..."</c>, <c>LUT_3D_SIZE N</c> (2..256), optional <c>DOMAIN_MIN r g b</c> and
/// <c>DOMAIN_MAX r g b</c>, <c>#</c> comments and blank lines anywhere, then N³ rows of three
/// numbers, red varying fastest. A malformed file is a <see cref="RenderingException"/> naming FILE:LINE.
/// </summary>
public static class CubeFile
{
    /// <summary>Reads a <c>.cube</c> file.</summary>
    public static CubeLut Read(string path)
    {
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RenderingException($"{path}: cannot read the LUT: {ex.Message}", ex);
        }
        return Parse(lines, path);
    }

    /// <summary>Parses the lines of a <c>.cube</c> file; <paramref name="source"/> names it in messages.</summary>
    public static CubeLut Parse(IReadOnlyList<string> lines, string source)
    {
        string? title = null;
        var size = 0;
        var sizeLine = 0;
        (double, double, double)? domainMin = null, domainMax = null;
        var comments = new List<string>();
        float[]? table = null;
        var rows = 0;
        var lastLine = 0;
        for (var index = 0; index < lines.Count; index++)
        {
            var lineNumber = index + 1;
            var line = lines[index].Trim();
            if (line.Length == 0) continue;
            if (line[0] == '#')
            {
                if (table is null) comments.Add(line[1..].TrimStart());
                continue;
            }
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var keyword = fields[0];
            if (char.IsAsciiLetter(keyword[0]))
            {
                if (rows > 0) throw Error(source, lineNumber, $"keyword {keyword} after the first data row; keywords come first");
                switch (keyword)
                {
                    case "TITLE":
                        title = line["TITLE".Length..].Trim().Trim('"');
                        break;
                    case "LUT_3D_SIZE":
                        if (fields.Length != 2 || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out size))
                            throw Error(source, lineNumber, $"LUT_3D_SIZE needs one whole number, got \"{line}\"");
                        if (size is < CubeLut.MinSize or > CubeLut.MaxSize)
                            throw Error(source, lineNumber, $"LUT_3D_SIZE {size} is out of range [{CubeLut.MinSize}, {CubeLut.MaxSize}]");
                        sizeLine = lineNumber;
                        break;
                    case "LUT_1D_SIZE":
                        throw Error(source, lineNumber, "a 1D LUT (LUT_1D_SIZE); a filter needs a 3D LUT (LUT_3D_SIZE)");
                    case "DOMAIN_MIN":
                        domainMin = Triple(source, lineNumber, fields, 1);
                        break;
                    case "DOMAIN_MAX":
                        domainMax = Triple(source, lineNumber, fields, 1);
                        break;
                    case "LUT_3D_INPUT_RANGE":
                        if (fields.Length != 3) throw Error(source, lineNumber, "LUT_3D_INPUT_RANGE needs two numbers");
                        var low = Number(source, lineNumber, fields[1]);
                        var high = Number(source, lineNumber, fields[2]);
                        domainMin = (low, low, low);
                        domainMax = (high, high, high);
                        break;
                    default:
                        throw Error(source, lineNumber, $"unknown keyword {keyword}");
                }
                continue;
            }
            if (size == 0) throw Error(source, lineNumber, "a data row before LUT_3D_SIZE");
            table ??= new float[size * size * size * 3];
            if (rows == size * size * size)
                throw Error(source, lineNumber, $"more than the {size * size * size} data rows LUT_3D_SIZE {size} (line {sizeLine}) allows");
            var (r, g, b) = Triple(source, lineNumber, fields, 0);
            table[rows * 3] = (float)r;
            table[rows * 3 + 1] = (float)g;
            table[rows * 3 + 2] = (float)b;
            rows++;
            lastLine = lineNumber;
        }
        if (size == 0) throw Error(source, Math.Max(1, lines.Count), "no LUT_3D_SIZE line");
        if (rows != size * size * size)
            throw Error(source, Math.Max(lastLine, sizeLine), $"{rows} data rows, but LUT_3D_SIZE {size} (line {sizeLine}) needs {size * size * size}");
        var min = domainMin ?? (0, 0, 0);
        var max = domainMax ?? (1, 1, 1);
        if (!(min.Item1 < max.Item1 && min.Item2 < max.Item2 && min.Item3 < max.Item3))
            throw Error(source, sizeLine, "DOMAIN_MIN must be below DOMAIN_MAX in every channel");
        return new CubeLut(size, table!, title, comments, min, max);
    }

    /// <summary>Writes a LUT as <c>.cube</c> text: comments, TITLE, size, domain, then rows with <paramref name="decimals"/> decimals and \n line ends.</summary>
    public static string ToText(CubeLut lut, int decimals = 6)
    {
        ArgumentNullException.ThrowIfNull(lut);
        var format = "0." + new string('0', decimals);
        var text = new StringBuilder();
        foreach (var comment in lut.Comments) text.Append("# ").Append(comment).Append('\n');
        if (lut.Title is not null) text.Append("TITLE \"").Append(lut.Title).Append("\"\n");
        text.Append("LUT_3D_SIZE ").Append(lut.Size.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("DOMAIN_MIN ").Append(Triple(lut.DomainMin)).Append('\n');
        text.Append("DOMAIN_MAX ").Append(Triple(lut.DomainMax)).Append('\n');
        var table = lut.Table;
        for (var i = 0; i < table.Length; i += 3)
        {
            text.Append(Format(table[i])).Append(' ').Append(Format(table[i + 1])).Append(' ').Append(Format(table[i + 2])).Append('\n');
        }
        return text.ToString();

        string Format(float value) => ((double)value).ToString(format, CultureInfo.InvariantCulture);
        string Triple((double R, double G, double B) v) =>
            string.Join(' ', new[] { v.R, v.G, v.B }.Select(x => x.ToString("0.0##", CultureInfo.InvariantCulture)));
    }

    /// <summary>Writes a LUT to a file (UTF-8 without a byte-order mark).</summary>
    public static void Write(string path, CubeLut lut, int decimals = 6) =>
        File.WriteAllText(path, ToText(lut, decimals), new UTF8Encoding(false));

    private static (double, double, double) Triple(string source, int line, string[] fields, int start)
    {
        if (fields.Length - start != 3)
            throw Error(source, line, $"expected three numbers, got {fields.Length - start}: \"{string.Join(' ', fields)}\"");
        return (Number(source, line, fields[start]), Number(source, line, fields[start + 1]), Number(source, line, fields[start + 2]));
    }

    private static double Number(string source, int line, string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw Error(source, line, $"\"{text}\" is not a number");
        return value;
    }

    private static RenderingException Error(string source, int line, string message) => new($"{source}:{line}: {message}");
}
