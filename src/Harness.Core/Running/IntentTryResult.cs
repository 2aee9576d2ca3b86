using System.Collections.Immutable;

namespace Harness.Running;

/// <summary>What <c>harness try</c> found: every backend of a config on one typed intent.</summary>
/// <param name="Intent">The intent, as typed.</param>
/// <param name="OutputDirectory">The folder the renders went to (absolute): <c>&lt;label&gt;/&lt;photo&gt;.png</c> per backend that answered.</param>
/// <param name="Photos">The photos rendered on (their file names), empty when there were none.</param>
/// <param name="PhotoNote">Why nothing was rendered (no photos, no LUTs for filters), or null.</param>
/// <param name="Backends">Each backend of the config, in config order.</param>
public sealed record IntentTryResult(
    string Intent, string OutputDirectory, ImmutableArray<string> Photos, string? PhotoNote, ImmutableArray<BackendTry> Backends)
{
    /// <summary>True when at least one backend answered (the command's exit code is 0 then).</summary>
    public bool AnyAnswered => Backends.Any(b => b.Outcome == BackendTryOutcome.Answered);
}
