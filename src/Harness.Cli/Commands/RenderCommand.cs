using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Harness.Rendering;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness render SETTINGS.json --image IMG --out OUT.png [--against OTHER.json]</c>: applies
/// a settings file (a dataset row's <c>teacher</c> shape) to an image at its own resolution and
/// writes a lossless PNG; with <c>--against</c> the last line is the mean CIEDE2000 between the two
/// renders. <c>harness render --bench</c> prints renders and ΔE pairs per second at 128 and 256 px.
/// </summary>
internal static class RenderCommand
{
    /// <summary>The stand-in LUTs shipped with the dataset, relative to the working folder.</summary>
    private static readonly string DefaultLuts = Path.Combine("datasets", "tonal-color", "luts");

    private static readonly string DefaultImages = Path.Combine("datasets", "images");

    public static Command Create()
    {
        var settings = new Argument<string?>("SETTINGS") { Description = "The settings file: {\"adjust\":{..}|null,\"selective_adjust\":{..}|null,\"filter\":{..}|null}.", Arity = ArgumentArity.ZeroOrOne };
        var image = new Option<string?>("--image") { Description = "The photo to render (PNG, JPEG, WebP, ...)." };
        var output = new Option<string?>("--out") { Description = "The PNG file to write." };
        var against = new Option<string?>("--against") { Description = "A second settings file: also prints the mean ΔE2000 between the two renders." };
        var luts = new Option<string?>("--luts") { Description = $"The folder of NAME.cube filter LUTs (default: {DefaultLuts})." };
        var bench = new Option<bool>("--bench") { Description = $"Measure renders/s and ΔE2000 pairs/s at 128 and 256 px on the photos in {DefaultImages} (one thread)." };
        var command = new Command("render", "Render a settings file on a photo (adjust, selective adjust, filter) and write a PNG; --against prints the mean ΔE2000 to another settings file.");
        command.Arguments.Add(settings);
        foreach (var option in new Option[] { image, output, against, luts, bench })
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            try
            {
                var library = Luts(parse.GetValue(luts));
                if (parse.GetValue(bench))
                {
                    Bench(new Renderer(library), parse.GetValue(settings), stdout);
                    return ExitCodes.Success;
                }
                var settingsPath = parse.GetValue(settings) ?? throw new InputException("render needs a SETTINGS file (or --bench).");
                var imagePath = parse.GetValue(image) ?? throw new InputException("render needs --image IMG.");
                var outPath = parse.GetValue(output) ?? throw new InputException("render needs --out OUT.png.");
                var first = RenderSettingsJson.Read(settingsPath);
                var second = parse.GetValue(against) is { } otherPath ? RenderSettingsJson.Read(otherPath) : null;
                var photo = ImageFile.Read(imagePath);
                var renderer = new Renderer(library);
                var rendered = renderer.Render(photo, first);
                OutputPath.Write(outPath, "--out", () =>
                {
                    if (Path.GetDirectoryName(Path.GetFullPath(outPath)) is { } folder) Directory.CreateDirectory(folder);
                    ImageFile.WritePng(outPath, rendered);
                    return true;
                }, isFile: true);
                stdout.WriteLine($"wrote {outPath} ({rendered.Width}×{rendered.Height})");
                if (second is not null)
                {
                    var difference = DeltaE2000.Mean(rendered, renderer.Render(photo, second));
                    stdout.WriteLine($"mean ΔE2000: {difference.ToString("0.0000", CultureInfo.InvariantCulture)}");
                }
                return ExitCodes.Success;
            }
            catch (RenderingException ex)
            {
                throw new InputException(ex.Message);
            }
        });
        return command;
    }

    /// <summary>The LUT folder named, or the shipped one when it is there (null when not: rendering a filter then says so).</summary>
    private static LutLibrary? Luts(string? folder) =>
        folder is not null ? new LutLibrary(folder) : Directory.Exists(DefaultLuts) ? new LutLibrary(DefaultLuts) : null;

    /// <summary>A dataset-like edit using all three tools, with bloom (the costliest parameter).</summary>
    private const string BenchSettings =
        """
        {"adjust":{"exposure":-5,"contrast":5,"saturation":-20,"temperature":20,"bloom":35,"sharpen":10,"structure":15},
         "selective_adjust":{"red":{"saturation":-10,"luminance":0},"green":{"saturation":-10,"luminance":5},"blue":{"saturation":-15,"luminance":0}},
         "filter":{"name":"mono_Classic","intensity":55}}
        """;

    private static void Bench(Renderer renderer, string? settingsPath, TextWriter stdout)
    {
        var settings = settingsPath is null ? RenderSettingsJson.Parse(BenchSettings, "the bench's settings") : RenderSettingsJson.Read(settingsPath);
        if (!Directory.Exists(DefaultImages)) throw new InputException($"{DefaultImages}: no sample photos here; run --bench from the repository root.");
        var photos = Directory.GetFiles(DefaultImages, "*.png").Order(StringComparer.Ordinal).Select(ImageFile.Read).ToList();
        if (photos.Count == 0) throw new InputException($"{DefaultImages}: no PNG photos to measure on.");
        stdout.WriteLine($"render bench: {photos.Count} photos, one thread, {(settingsPath is null ? "a built-in edit using all three tools" : settingsPath)}");
        stdout.WriteLine("| long side | renders/s | ms/render | ΔE2000 pairs/s | ms/pair |");
        stdout.WriteLine("|---|---|---|---|---|");
        foreach (var size in new[] { 128, 256 })
        {
            var images = photos.Select(p => ImageFile.Fit(p, size)).ToList();
            var renders = images.Select(i => renderer.Render(i, settings)).ToList();
            var renderRate = Rate(i => renderer.Render(images[i % images.Count], settings));
            var pairRate = Rate(i => DeltaE2000.Mean(images[i % images.Count], renders[i % images.Count]));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size} px | {renderRate:0.0} | {1000 / renderRate:0.00} | {pairRate:0.0} | {1000 / pairRate:0.00} |"));
        }
    }

    /// <summary>Calls per second of <paramref name="work"/> over about a second and a half, after a warm-up call.</summary>
    private static double Rate(Action<int> work)
    {
        work(0);
        var watch = Stopwatch.StartNew();
        var calls = 0;
        while (watch.Elapsed.TotalSeconds < 1.5) work(calls++);
        return calls / watch.Elapsed.TotalSeconds;
    }
}
