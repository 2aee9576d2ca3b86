using Harness.Metrics;

namespace Harness.Runs;

/// <summary>
/// One backend's result in one scenario of one recorded run, as the run history lists it:
/// what ran, when, and the headline numbers of its metrics.json.
/// </summary>
/// <param name="RunId">The run id.</param>
/// <param name="StartedAt">When the run started (run.json, else metrics.json <c>run.started_at</c>).</param>
/// <param name="Label">The backend label of the config.</param>
/// <param name="Backend">The plugin that ran it.</param>
/// <param name="Model">The model file or name.</param>
/// <param name="ModelSha256">The model's hash; null when the backend reported none.</param>
/// <param name="Scenario">The scenario.</param>
/// <param name="Overall">Overall on all rows. Higher is better.</param>
/// <param name="OverallCi95">Its 95% bootstrap interval; null for an empty subset.</param>
/// <param name="P50Ms">Per-intent median latency in ms; null when the result was scored without being run. Lower is better.</param>
/// <param name="P95Ms">Per-intent p95 latency in ms; null likewise. Lower is better.</param>
/// <param name="UsdPer1kIntents">Cost per 1,000 intents; null when not computed. Lower is better.</param>
/// <param name="Promoted">Whether a release manager promoted this backend's result (<c>harness history promote</c>).</param>
/// <param name="Directory">The backend folder <c>&lt;run&gt;/&lt;label&gt;</c> as recorded.</param>
/// <param name="CapacityQps">The server scenario's capacity at its bound (<c>find_peak</c>), intents per second; null otherwise. Higher is better.</param>
public sealed record HistoryEntry(
    string RunId,
    DateTimeOffset StartedAt,
    string Label,
    string Backend,
    string Model,
    string? ModelSha256,
    string Scenario,
    double Overall,
    Interval? OverallCi95,
    double? P50Ms,
    double? P95Ms,
    double? UsdPer1kIntents,
    bool Promoted,
    string Directory,
    double? CapacityQps = null)
{
    /// <summary>What tells one model from another: the first 12 characters of its hash, else its name.</summary>
    public string ModelKey => ModelSha256 is { Length: > 0 } sha ? sha[..Math.Min(12, sha.Length)] : Model;
}
