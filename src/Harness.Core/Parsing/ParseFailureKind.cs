namespace Harness.Parsing;

/// <summary>Why a raw output could not be applied (spec §3). Wire names are snake_case.</summary>
public enum ParseFailureKind
{
    /// <summary>Not valid JSON.</summary>
    InvalidJson,

    /// <summary>Valid JSON but not an object of the tool's shape (an array, a string, a colour that is not an object...).</summary>
    WrongShape,

    /// <summary>A parameter that is not a number (or a filter name that is not a string).</summary>
    BadValue,

    /// <summary>A filter name that is not in the catalogue.</summary>
    UnknownFilter,

    /// <summary>The backend call itself failed or timed out; there is no text to parse.</summary>
    BackendError,
}
