using System.Collections.Immutable;

namespace Harness.Running;

/// <summary>One backend of <c>harness try</c>: its three calls on the typed intent, their verdicts, the time and the renders.</summary>
/// <param name="Label">The backend's label in the config.</param>
/// <param name="Plugin">The plugin it names.</param>
/// <param name="Outcome">Answered, a replay that cannot answer, or failed.</param>
/// <param name="Message">Why it did not answer, or a problem after it answered (renders that failed, its process ending); null when all went well.</param>
/// <param name="StartSeconds">How long starting it took (loading the model), or null when it did not start.</param>
/// <param name="LatencyMs">Wall time of the one backend call that asked for the three tools (as single-stream asks one intent), or null when no call was made. It is the backend's first call after starting: cold.</param>
/// <param name="Calls">Adjust, selective adjust and filter, in that order; empty when no call was made.</param>
/// <param name="Renders">The PNG files written (absolute paths), one per photo.</param>
public sealed record BackendTry(
    string Label,
    string Plugin,
    BackendTryOutcome Outcome,
    string? Message,
    double? StartSeconds,
    double? LatencyMs,
    ImmutableArray<TriedCall> Calls,
    ImmutableArray<string> Renders)
{
    /// <summary>A backend that made no call, and why.</summary>
    internal static BackendTry NotRun(BackendConfig entry, BackendTryOutcome outcome, string message) =>
        new(entry.Label, entry.Plugin, outcome, message, null, null, [], []);
}
