using System.Text.Json;

namespace Harness.Json;

/// <summary>Short descriptions of JSON values for error messages.</summary>
internal static class JsonText
{
    private const int MaxShown = 40;

    /// <summary>How a value reads in a message: <c>"high"</c>, <c>12.5</c>, <c>an object</c>, <c>null</c>.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        JsonValueKind.Undefined => "nothing",
        _ => Shorten(value.GetRawText()),
    };

    public static string Shorten(string text) =>
        text.Length <= MaxShown ? text : string.Concat(text.AsSpan(0, MaxShown), "...");
}
