using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Json.Files;

/// <summary>
/// A double in a file the harness owns. Written as <see cref="Utf8JsonWriter"/> writes a double
/// (the shortest text that reads back to the same value, invariant), so files keep their bytes.
/// Read leniently: a value that is not a finite number is kept with what was wrong, for the
/// reader to report with its field (<c>subsets.all.tools.adjust.final: expected a number, got "NaN"</c>)
/// instead of a serializer error.
/// </summary>
[JsonConverter(typeof(JsonNumberConverter))]
internal readonly record struct JsonNumber(double Value, string? Problem = null)
{
    public static implicit operator JsonNumber(double value) => new(value);

    /// <summary>The value, or a <see cref="FormatException"/> naming <paramref name="field"/>.</summary>
    public double Finite(string field) => Problem is null ? Value : throw new FormatException($"{field}: {Problem}");
}

internal sealed class JsonNumberConverter : JsonConverter<JsonNumber>
{
    public override JsonNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            // A number too large for a double (1e400) reads as infinity.
            return reader.TryGetDouble(out var value) && double.IsFinite(value) ? new JsonNumber(value) : new JsonNumber(double.NaN, $"{JsonText.Shorten(Encoding.UTF8.GetString(reader.ValueSpan))} is not a finite number");
        }

        using var document = JsonDocument.ParseValue(ref reader);
        return new JsonNumber(double.NaN, $"expected a number, got {JsonText.Describe(document.RootElement)}");
    }

    public override void Write(Utf8JsonWriter writer, JsonNumber value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Value);
}
