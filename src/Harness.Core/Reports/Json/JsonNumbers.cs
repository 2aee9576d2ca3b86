using System.Text.Json;
using Harness.Metrics;

namespace Harness.Reports.Json;

/// <summary>Writing helpers: numbers rounded to 6 decimals (plain JSON numbers, culture-free), intervals as pairs.</summary>
internal static class JsonNumbers
{
    public static void Number(this Utf8JsonWriter json, string name, double value) =>
        json.WriteNumber(name, Math.Round(value, 6));

    public static void Interval(this Utf8JsonWriter json, string name, Interval? ci)
    {
        if (ci is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartArray(name);
        json.WriteNumberValue(Math.Round(ci.Lower, 6));
        json.WriteNumberValue(Math.Round(ci.Upper, 6));
        json.WriteEndArray();
    }
}
