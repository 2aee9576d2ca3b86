using Harness.Tools;

namespace Harness.Parsing;

/// <summary>The result of parsing one raw output (spec §3).</summary>
/// <param name="Tool">The tool the output answers for.</param>
/// <param name="Setting">The applied setting, or null for "not used" (including every failure).</param>
/// <param name="Failure">The failure kind, or null when the text parsed (as used or not used).</param>
/// <param name="FailureDetail">A short human explanation of the failure.</param>
/// <param name="ClampedCount">How many numbers were outside their range and clamped.</param>
/// <param name="UnknownKeyCount">How many keys were ignored.</param>
public sealed record ParsedOutput(
    ToolName Tool,
    ToolSetting? Setting,
    ParseFailureKind? Failure = null,
    string? FailureDetail = null,
    int ClampedCount = 0,
    int UnknownKeyCount = 0)
{
    /// <summary>True when the app can apply a setting (the tool counts as predicted "used").</summary>
    public bool Used => Setting is not null;

    /// <summary>The parse of a call that failed in the backend: not used, kind <c>backend_error</c>.</summary>
    public static ParsedOutput BackendFailure(ToolName tool, string detail) => new(tool, null, ParseFailureKind.BackendError, detail);
}
