namespace Harness.Json.Files;

/// <summary><c>gallery/gallery.json</c> in a result folder: the intents the report's gallery shows, with their thumbnails' file names.</summary>
internal sealed class GalleryFileJson
{
    public List<GalleryEntryJson>? Entries { get; set; }

    internal sealed class GalleryEntryJson
    {
        public string? Id { get; set; }
        public string? Intent { get; set; }
        public string? Kind { get; set; }
        public double? DeltaE { get; set; }
        public string? Original { get; set; }
        public string? Teacher { get; set; }
        public string? Backend { get; set; }
    }
}
