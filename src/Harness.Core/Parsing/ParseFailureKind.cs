namespace Harness.Parsing;

/// <summary>
/// Why a raw output could not be applied (spec §3). Wire names are snake_case
/// (<see cref="ParseFailureKinds.WireName"/>). A filter name that is not in the
/// catalogue is not a failure: the tool was selected, and its quality (name accuracy) is 0.
/// </summary>
public enum ParseFailureKind
{
    /// <summary>Not valid JSON.</summary>
    InvalidJson,

    /// <summary>Valid JSON but not an object of the tool's shape: an array, a string, a colour that is not an object, a filter without a <c>name</c>.</summary>
    WrongShape,

    /// <summary>A parameter that is not a JSON number (numeric strings such as <c>"10"</c> included), or a filter name that is not a non-empty string.</summary>
    BadValue,

    /// <summary>The backend call itself failed or timed out; there is no text to parse.</summary>
    BackendError,

    /// <summary>Text that is not well-formed Unicode: a lone UTF-16 surrogate, raw or escaped in a JSON string (<c>\ud800</c>).</summary>
    InvalidText,
}
