using System.Globalization;
using Harness.Plugins;
using Harness.Rendering;

namespace Harness.Cli.Tests.Commands;

public class RenderCommandTests
{
    private static readonly string Root = PluginDirectories.FindRepositoryRoot(AppContext.BaseDirectory)!;
    private static readonly string Coffee = Path.Combine(Root, "datasets", "images", "coffee.png");
    private static readonly string Luts = Path.Combine(Root, "datasets", "tonal-color", "luts");
    private string _folder = null!;

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "harness-render-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Teacher =
        """{"adjust":{"exposure":-5,"contrast":5,"saturation":-20,"temperature":20,"bloom":35},"selective_adjust":null,"filter":{"name":"mono_Classic","intensity":55}}""";

    [Test]
    public void Renders_a_png_at_the_image_resolution_and_prints_the_mean_delta_e_last()
    {
        var settings = Write("teacher.json", Teacher);
        var other = Write("student.json", """{"adjust":{"exposure":10},"selective_adjust":null,"filter":null}""");
        var output = Path.Combine(_folder, "out", "teacher.png");
        var result = CliRunner.Run("render", settings, "--image", Coffee, "--out", output, "--against", other, "--luts", Luts);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        var written = ImageFile.Read(output);
        var photo = ImageFile.Read(Coffee);
        Assert.That((written.Width, written.Height), Is.EqualTo((photo.Width, photo.Height)));
        var expected = new Renderer(new LutLibrary(Luts)).Render(photo, RenderSettingsJson.Parse(Teacher, "teacher"));
        Assert.That(written.Pixels, Is.EqualTo(expected.Pixels), "the PNG is lossless");
        var last = result.Stdout.TrimEnd('\n').Split('\n')[^1];
        Assert.That(last, Does.Match(@"^mean ΔE2000: \d+\.\d{4}$"));
        Assert.That(double.Parse(last["mean ΔE2000: ".Length..], CultureInfo.InvariantCulture), Is.GreaterThan(1));
    }

    [Test]
    public void The_same_settings_against_themselves_are_0()
    {
        var settings = Write("teacher.json", Teacher);
        var result = CliRunner.Run("render", settings, "--image", Coffee, "--out", Path.Combine(_folder, "a.png"), "--against", settings, "--luts", Luts);
        Assert.That(result.Stdout.TrimEnd('\n').Split('\n')[^1], Is.EqualTo("mean ΔE2000: 0.0000"));
    }

    [Test]
    public void A_bad_settings_file_exits_2_naming_the_file_and_field()
    {
        var settings = Write("bad.json", """{"adjust":{"exposure":"bright"}}""");
        var result = CliRunner.Run("render", settings, "--image", Coffee, "--out", Path.Combine(_folder, "o.png"));
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.ErrorLines[0], Does.StartWith($"error: {settings}: adjust.exposure must be a number"));
    }

    [Test]
    public void A_bad_image_exits_2_naming_the_file()
    {
        var settings = Write("s.json", """{"adjust":{"exposure":10}}""");
        var image = Write("broken.png", "not a png");
        var result = CliRunner.Run("render", settings, "--image", image, "--out", Path.Combine(_folder, "o.png"));
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.ErrorLines[0], Does.StartWith($"error: {image}: not an image"));
    }

    [Test]
    public void A_malformed_lut_exits_2_with_file_and_line()
    {
        var luts = Path.Combine(_folder, "luts");
        Directory.CreateDirectory(luts);
        File.WriteAllText(Path.Combine(luts, "mono_Classic.cube"), "LUT_3D_SIZE 2\n0 0 0\n1 0 zero\n");
        var settings = Write("teacher.json", Teacher);
        var result = CliRunner.Run("render", settings, "--image", Coffee, "--out", Path.Combine(_folder, "o.png"), "--luts", luts);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.ErrorLines[0], Does.StartWith($"error: {Path.Combine(luts, "mono_Classic.cube")}:3: \"zero\" is not a number"));
    }

    [Test]
    public void A_filter_without_a_lut_exits_2_naming_it()
    {
        var settings = Write("s.json", """{"filter":{"name":"mystery_Look","intensity":40}}""");
        var result = CliRunner.Run("render", settings, "--image", Coffee, "--out", Path.Combine(_folder, "o.png"), "--luts", Luts);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.ErrorLines[0], Does.Contain("\"mystery_Look\" has no LUT"));
    }

    [Test]
    public void Without_settings_or_image_it_says_what_is_missing()
    {
        var result = CliRunner.Run("render", "--image", Coffee, "--out", Path.Combine(_folder, "o.png"));
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.ErrorLines[0], Does.Contain("SETTINGS"));
    }
}
