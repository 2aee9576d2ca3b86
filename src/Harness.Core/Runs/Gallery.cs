using System.Collections.Immutable;
using System.Text.Json;
using Harness.Json.Files;

namespace Harness.Runs;

/// <summary>One intent of a backend's gallery: its thumbnails (file names in the gallery folder) and its ΔE.</summary>
/// <param name="Id">The dataset row's id.</param>
/// <param name="Intent">The intent's words.</param>
/// <param name="Kind"><see cref="Gallery.Worst"/> or <see cref="Gallery.Sample"/>.</param>
/// <param name="DeltaE">The intent's mean ΔE2000 between the teacher's and the backend's renders.</param>
/// <param name="Original">The photo's thumbnail.</param>
/// <param name="Teacher">The teacher's render of it.</param>
/// <param name="Backend">The backend's render of it.</param>
public sealed record GalleryEntry(string Id, string Intent, string Kind, double DeltaE, string Original, string Teacher, string Backend);

/// <summary>
/// The gallery of one backend in one scenario: <c>gallery/</c> in its result folder, holding small
/// WebP thumbnails (the photo, the teacher's render, the backend's render) and <c>gallery.json</c>
/// listing them. Written by the image metric; read by the HTML report.
/// </summary>
public static class Gallery
{
    /// <summary>The folder in a result folder.</summary>
    public const string Folder = "gallery";

    /// <summary>The listing in <see cref="Folder"/>.</summary>
    public const string File = "gallery.json";

    /// <summary>Entries among the largest ΔE.</summary>
    public const string Worst = "worst";

    /// <summary>Entries of a seeded sample of the other intents.</summary>
    public const string Sample = "sample";

    /// <summary>Writes the listing into <paramref name="galleryDirectory"/>.</summary>
    public static void Write(string galleryDirectory, IEnumerable<GalleryEntry> entries)
    {
        var json = new GalleryFileJson
        {
            Entries = [.. entries.Select(e => new GalleryFileJson.GalleryEntryJson
            {
                Id = e.Id, Intent = e.Intent, Kind = e.Kind, DeltaE = e.DeltaE, Original = e.Original, Teacher = e.Teacher, Backend = e.Backend,
            })],
        };
        AtomicFile.WriteAllText(Path.Combine(galleryDirectory, File), JsonSerializer.Serialize(json, OwnedFiles.Indented.GalleryFileJson) + "\n");
    }

    /// <summary>The entries of a result folder's gallery; empty when it has none. A listing that cannot be read is an input error naming it.</summary>
    public static ImmutableArray<GalleryEntry> Read(string resultDirectory)
    {
        var path = Path.Combine(resultDirectory, Folder, File);
        if (!System.IO.File.Exists(path)) return [];
        GalleryFileJson? json;
        try
        {
            json = JsonSerializer.Deserialize(System.IO.File.ReadAllBytes(path), OwnedFiles.Indented.GalleryFileJson);
        }
        catch (JsonException ex)
        {
            throw new InputException($"{path}: not valid JSON ({Json.JsonErrors.FirstSentence(ex)}); delete the gallery folder or rerun the evaluation.", ex);
        }
        var entries = json?.Entries ?? throw new InputException($"{path}: missing key 'entries'.");
        return [.. entries.Select((e, i) => new GalleryEntry(
            e.Id ?? throw Missing(path, i, "id"), e.Intent ?? throw Missing(path, i, "intent"), e.Kind ?? throw Missing(path, i, "kind"),
            e.DeltaE ?? throw Missing(path, i, "delta_e"), e.Original ?? throw Missing(path, i, "original"),
            e.Teacher ?? throw Missing(path, i, "teacher"), e.Backend ?? throw Missing(path, i, "backend")))];
    }

    private static InputException Missing(string path, int index, string key) => new($"{path}: entries[{index}]: missing key '{key}'.");
}
