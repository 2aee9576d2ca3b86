using System.Collections.Immutable;

namespace Harness.Parsing;

/// <summary>Wire names of <see cref="ParseFailureKind"/>: <c>invalid_json</c>, <c>wrong_shape</c>, <c>bad_value</c>, <c>backend_error</c>, <c>invalid_text</c>.</summary>
public static class ParseFailureKinds
{
    /// <summary>Every kind, in declaration order.</summary>
    public static ImmutableArray<ParseFailureKind> All { get; } = [.. Enum.GetValues<ParseFailureKind>()];

    /// <summary>The snake_case name used in metrics.json, predictions.jsonl and reports.</summary>
    public static string WireName(this ParseFailureKind kind) => kind switch
    {
        ParseFailureKind.InvalidJson => "invalid_json",
        ParseFailureKind.WrongShape => "wrong_shape",
        ParseFailureKind.BadValue => "bad_value",
        ParseFailureKind.BackendError => "backend_error",
        ParseFailureKind.InvalidText => "invalid_text",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown parse failure kind."),
    };

    /// <summary>Reads a wire name (ordinal); false for anything else.</summary>
    public static bool TryParse(string? wireName, out ParseFailureKind kind)
    {
        foreach (var candidate in All)
        {
            if (candidate.WireName() == wireName) { kind = candidate; return true; }
        }
        kind = default;
        return false;
    }
}
