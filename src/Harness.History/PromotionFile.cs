using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harness.History;

/// <summary>
/// <c>&lt;run&gt;/&lt;label&gt;/promoted.json</c>: that a release manager promoted this backend's result,
/// and when. Kept in the run folder, the source of truth, so that <c>harness history --rebuild</c>
/// restores promotions with everything else.
/// </summary>
public static class PromotionFile
{
    public const string FileName = "promoted.json";

    public static void Write(string backendFolder, DateTimeOffset promotedAt)
    {
        var json = new JsonObject { ["schema"] = "harness.promotion/v1", ["promoted_at"] = Iso(promotedAt) };
        AtomicFile.WriteAllText(Path.Combine(backendFolder, FileName), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>When the result in <paramref name="backendFolder"/> was promoted, or null when it was not.</summary>
    /// <exception cref="InputException">The file is there but unreadable; the message names it.</exception>
    public static DateTimeOffset? Read(string backendFolder)
    {
        var path = Path.Combine(backendFolder, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            var at = JsonNode.Parse(File.ReadAllText(path))?["promoted_at"]?.GetValue<string>() ?? throw new FormatException("promoted_at is missing");
            return DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new InputException($"{path}: not a readable promotion ({ex.Message.ReplaceLineEndings(" ")}); delete it, or promote the result again with harness history promote.", ex);
        }
    }

    /// <summary>The one text form of a time in the store and its files: UTC, ISO 8601, sortable as text.</summary>
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
