namespace Harness.Running;

/// <summary>How one backend of <c>harness try</c> ended.</summary>
public enum BackendTryOutcome
{
    /// <summary>It started and at least one of its three calls came back (parsed or not).</summary>
    Answered,

    /// <summary>It only replays recorded outputs by intent id (<c>Replay</c>), so it was not started.</summary>
    ReplaysOnly,

    /// <summary>Its plugin is missing or failed to load, it failed to start, or every call failed; the message says why.</summary>
    Failed,
}
