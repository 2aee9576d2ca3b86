using System.Globalization;
using System.Text;

namespace Harness.Testing;

/// <summary>Writes small hand-made datasets (JSONL + filters.txt) into a temporary folder.</summary>
public sealed class DatasetFixture : IDisposable
{
    public static readonly string[] Filters = ["faded_HighNoon", "mono_Classic", "warm_Sunset"];

    public DatasetFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "harness-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(FiltersPath, "# catalogue\n" + string.Join("\n", Filters) + "\n\n");
    }

    public string Directory { get; }

    public string FiltersPath => Path.Combine(Directory, "filters.txt");

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Writes lines to a file in the folder and returns its path.</summary>
    public string Write(string name, params string[] lines)
    {
        var path = PathOf(name);
        File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));
        return path;
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>An adjust object with the given leading values (the rest 0).</summary>
    public static string Adjust(params double[] values)
    {
        string[] names = ["exposure", "contrast", "brightness", "highlights", "shadows", "saturation", "vibrance", "temperature", "tint", "hue", "bloom", "sharpen", "structure", "linearOffset"];
        return "{" + string.Join(",", names.Select((n, i) => $"\"{n}\":{Num(i < values.Length ? values[i] : 0)}")) + "}";
    }

    /// <summary>A selective-adjust object with the given leading canonical values (the rest 0).</summary>
    public static string Selective(params double[] values)
    {
        string[] colours = ["red", "orange", "yellow", "green", "cyan", "blue"];
        string V(int i) => Num(i < values.Length ? values[i] : 0);
        return "{" + string.Join(",", colours.Select((c, i) => $"\"{c}\":{{\"saturation\":{V(2 * i)},\"luminance\":{V(2 * i + 1)}}}")) + "}";
    }

    public static string Filter(string name, double intensity) => $"{{\"name\":\"{name}\",\"intensity\":{Num(intensity)}}}";

    /// <summary>One dataset row; pass null for a tool the teacher did not use.</summary>
    public static string Row(string id, string intent, int repeats, string? adjust, string? selective, string? filter, string? exports = null)
    {
        var sb = new StringBuilder();
        sb.Append($"{{\"id\":\"{id}\",\"intent\":\"{intent}\",\"repeats\":{repeats},\"teacher\":{{");
        sb.Append($"\"adjust\":{adjust ?? "null"},\"selective_adjust\":{selective ?? "null"},\"filter\":{filter ?? "null"}}}");
        if (exports is not null) sb.Append($",\"exports\":{exports}");
        sb.Append('}');
        return sb.ToString();
    }

    /// <summary>A small valid split of five rows with varied tool use and repeats.</summary>
    public static string[] SmallSplit() =>
    [
        Row("test-00001", "golden hour", 7, Adjust(0, 10, 10, 20, -10, 15, 15, 30, 10), Selective(20, 10, 30, 20, 40, 30, -20, 0, -20), Filter("faded_HighNoon", 40), "{\"adjust\":3,\"selective_adjust\":0,\"filter\":2}"),
        Row("test-00002", "rainy tokyo night", 3, Adjust(-10, 20, -15), null, Filter("mono_Classic", 60)),
        Row("test-00003", "slightly warmer", 1, Adjust(0, 0, 0, 0, 0, 0, 0, 25), null, null),
        Row("test-00004", "vintage film", 5, null, Selective(-30, 0, 10), Filter("warm_Sunset", 80)),
        Row("test-00005", "crisp winter morning", 2, Adjust(5, 15, 10, -5, 5, -10, 0, -30), Selective(0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 20, 10), null),
    ];

    private static string Num(double value) => value.ToString(CultureInfo.InvariantCulture);
}
