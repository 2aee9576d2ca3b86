using System.Text.Json;

namespace Harness.Json;

/// <summary>Messages from System.Text.Json, shortened for one-line input errors.</summary>
internal static class JsonErrors
{
    /// <summary>
    /// The first sentence of the parser's message (<c>'x' is an invalid start of a value</c>),
    /// without its path and position details or a closing full stop, which the caller states as FILE:LINE: field.
    /// </summary>
    public static string FirstSentence(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd('.');
    }
}
