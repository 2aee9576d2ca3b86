using Harness.Parsing;
using Harness.Tools;

namespace Harness.Runs;

/// <summary>
/// One finished student call: one line of <c>predictions.jsonl</c>. Appended as
/// soon as the call finishes so an interrupted run keeps it and can resume.
/// </summary>
/// <param name="IntentId">Dataset row id.</param>
/// <param name="Tool">The tool asked for.</param>
/// <param name="Scenario"><c>single-stream</c>, <c>offline</c>, or <c>score</c> for scored files.</param>
/// <param name="Raw">The raw output text, or null when the call failed.</param>
/// <param name="Parsed">The parse of <paramref name="Raw"/>.</param>
/// <param name="LatencyMs">Wall time of the backend call that produced it (for a batch, the batch's time); null when not measured.</param>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Generated tokens.</param>
/// <param name="Error">The backend's error for this call, or null.</param>
/// <param name="Warmup">True for warm-up calls, which are kept but excluded from latency.</param>
/// <param name="NotUsedProbability">The backend's probability that the tool is not used (<see cref="Harness.Backends.ToolResponse.NotUsedProbability"/>), in [0, 1]; null when it gave none or the call failed.</param>
public sealed record CallRecord(
    string IntentId,
    ToolName Tool,
    string Scenario,
    string? Raw,
    ParsedOutput Parsed,
    double? LatencyMs,
    int InputTokens,
    int OutputTokens,
    string? Error,
    bool Warmup = false,
    double? NotUsedProbability = null);
