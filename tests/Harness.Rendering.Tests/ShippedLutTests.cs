using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Harness.Tools;

namespace Harness.Rendering.Tests;

/// <summary>
/// datasets/tonal-color/luts/ holds one stand-in LUT per catalogue filter, baked by
/// <see cref="LutBaker"/> from the look signature the dataset generator gives the filter. The
/// signatures are read from the generator's source (FilterCatalogue.cs, wherever it lives under
/// src/) so this project needs no reference to the generator. Regenerate the files with
/// <c>HARNESS_WRITE_LUTS=1 dotnet test tests/Harness.Rendering.Tests --filter ShippedLutTests</c>.
/// </summary>
public partial class ShippedLutTests
{
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["exp"] = "exposure", ["con"] = "contrast", ["bri"] = "brightness", ["hi"] = "highlights",
        ["sh"] = "shadows", ["sat"] = "saturation", ["vib"] = "vibrance", ["temp"] = "temperature",
        ["tint"] = "tint", ["hue"] = "hue", ["bloom"] = "bloom", ["sharp"] = "sharpen",
        ["struct"] = "structure", ["lin"] = "linearOffset",
    };

    [GeneratedRegex("""new\("(?<name>[A-Za-z0-9_]+)", "(?<look>[^"]*)"\)""")]
    private static partial Regex CatalogueEntry();

    private static List<(string Name, ImmutableArray<double> Look)> Catalogue()
    {
        var source = Directory.GetFiles(Path.Combine(TestImages.RepositoryRoot, "src"), "FilterCatalogue.cs", SearchOption.AllDirectories).Single();
        return [.. CatalogueEntry().Matches(File.ReadAllText(source)).Select(m => (m.Groups["name"].Value, Look(m.Groups["look"].Value)))];
    }

    private static ImmutableArray<double> Look(string spec)
    {
        var values = new double[ToolSchema.AdjustParameters.Length];
        foreach (var part in spec.Split(',', StringSplitOptions.TrimEntries))
        {
            var fields = part.Split(' ');
            values[ToolSchema.AdjustParameters.IndexOf(Aliases[fields[0]])] = double.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        return [.. values];
    }

    [Test]
    public void The_generator_catalogue_is_filters_txt()
    {
        var names = File.ReadLines(Path.Combine(TestImages.RepositoryRoot, "datasets", "tonal-color", "filters.txt"))
            .Where(l => !l.StartsWith('#') && l.Length > 0);
        Assert.That(Catalogue().Select(c => c.Name), Is.EqualTo(names));
    }

    [Test]
    public void Shipped_luts_are_what_the_catalogue_signatures_bake()
    {
        var folder = TestImages.LutFolder;
        var write = Environment.GetEnvironmentVariable("HARNESS_WRITE_LUTS") == "1";
        if (write) Directory.CreateDirectory(folder);
        var catalogue = Catalogue();
        foreach (var (name, look) in catalogue)
        {
            var text = CubeFile.ToText(LutBaker.Bake(name, look), LutBaker.Decimals);
            var path = Path.Combine(folder, name + ".cube");
            if (write) File.WriteAllText(path, text, new UTF8Encoding(false));
            Assert.That(File.Exists(path), Is.True, $"{path} is missing; regenerate with HARNESS_WRITE_LUTS=1 dotnet test tests/Harness.Rendering.Tests --filter ShippedLutTests");
            Assert.That(File.ReadAllText(path), Is.EqualTo(text), $"{path} is not what its signature bakes; regenerate with HARNESS_WRITE_LUTS=1 dotnet test tests/Harness.Rendering.Tests --filter ShippedLutTests");
        }
        var library = new LutLibrary(folder);
        Assert.That(library.Names, Is.EquivalentTo(catalogue.Select(c => c.Name)), "one LUT per catalogue name, no others");
        library.CheckCovers(catalogue.Select(c => c.Name));
    }

    [Test]
    public void A_catalogue_name_with_no_lut_is_an_error_naming_it()
    {
        var error = Assert.Throws<RenderingException>(() => new LutLibrary(TestImages.LutFolder).CheckCovers(["kodak_Portra400", "mystery_Look"]));
        Assert.That(error!.Message, Does.Contain("mystery_Look").And.Not.Contain("kodak_Portra400"));
    }

    [Test]
    public void A_baked_lut_follows_its_look()
    {
        var warm = LutBaker.Bake("warm", Look("temp 45, sat 10"));
        var (r, _, b) = warm.Apply(0.5, 0.5, 0.5);
        Assert.That(r, Is.GreaterThan(b + 0.05), "a warm look turns grey orange");
        var mono = LutBaker.Bake("mono", Look("sat -100"));
        var (mr, mg, mb) = mono.Apply(0.9, 0.2, 0.1);
        Assert.That(Math.Max(Math.Abs(mr - mg), Math.Abs(mg - mb)), Is.LessThan(1e-3), "sat -100 is grey");
    }
}
