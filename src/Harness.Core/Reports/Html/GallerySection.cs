using System.Text;
using Harness.Formatting;
using Harness.Runs;
using static Harness.Reports.Html.HtmlText;

namespace Harness.Reports.Html;

/// <summary>
/// Per backend, its gallery: the worst intents by ΔE and a seeded sample of the others, each as
/// the photo, the teacher's render and the backend's render. The thumbnails are small WebP files in
/// the run folder, loaded lazily, so the report itself stays small.
/// </summary>
internal static class GallerySection
{
    /// <param name="galleries">Per backend label: the gallery folder relative to the report, and its entries.</param>
    public static string Render(IReadOnlyList<(string Label, string Folder, IReadOnlyList<GalleryEntry> Entries)> galleries)
    {
        var html = new StringBuilder();
        foreach (var (label, folder, entries) in galleries)
        {
            html.Append($"<h3>{E(label)}</h3><div class=\"gallery\">");
            foreach (var e in entries)
            {
                html.Append($"<figure class=\"{(e.Kind == Gallery.Worst ? "worst" : "sample")}\"><div class=\"thumbs\">");
                html.Append(Thumb(folder, e.Original, "photo")).Append(Thumb(folder, e.Teacher, "teacher")).Append(Thumb(folder, e.Backend, label));
                html.Append($"</div><figcaption>“{E(e.Intent)}” <span class=\"muted\">{E(e.Id)} · ΔE {Fmt.DeltaE(e.DeltaE)}{(e.Kind == Gallery.Worst ? " · among the worst" : "")}</span></figcaption></figure>");
            }
            html.Append("</div>");
        }
        return html.Append("<p class=\"note\">Left to right: the photo, the teacher's edit, the backend's edit, at 128 px. The first of each backend's intents are its largest ΔE; the rest a seeded sample.</p>").ToString();
    }

    private static string Thumb(string folder, string file, string alt) =>
        $"<img loading=\"lazy\" width=\"128\" src=\"{E(folder + "/" + Uri.EscapeDataString(file))}\" alt=\"{E(alt)}\">";
}
