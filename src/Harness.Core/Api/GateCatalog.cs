using Harness.Datasets;
using Harness.Gate;
using Harness.Metrics;
using Harness.Runs;

namespace Harness.Api;

/// <summary>
/// A release manager's promotion decision (<see cref="HarnessContext.Gate"/>): every rule of a
/// gate policy (gate.yaml) with its measured value, threshold and verdict. A policy's paired
/// comparisons use its own <c>bootstrap</c> seed and resamples, so a decision is the same wherever it is made.
/// </summary>
public sealed class GateCatalog
{
    internal GateCatalog(HarnessContext context) => _ = context;

    /// <summary>Reads and checks a gate policy (see gate.example.yaml for each key).</summary>
    /// <exception cref="InputException">The file is missing, or a key is unknown or its value of the wrong type or out of range; the message names the line and key.</exception>
    public GatePolicy ReadPolicy(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return GatePolicyReader.Read(path);
    }

    /// <summary>
    /// Decides whether <paramref name="candidate"/> may be promoted by <paramref name="policy"/>;
    /// non-inferiority rules compare it with <paramref name="baseline"/> on the rows both ran over.
    /// A rule about a scenario the candidate did not run is skipped.
    /// </summary>
    /// <param name="policy">The policy (<see cref="ReadPolicy"/>).</param>
    /// <param name="dataset">The dataset both results were run over.</param>
    /// <param name="candidate">The result asking for promotion.</param>
    /// <param name="baseline">What it must not be worse than; needed when the policy has non-inferiority rules.</param>
    /// <returns>Each rule's verdict; <see cref="GateDecision.Passed"/> when none fails.</returns>
    /// <exception cref="InputException">The policy compares against a baseline and none was given.</exception>
    public GateDecision Check(GatePolicy policy, Dataset dataset, BackendRunResult candidate, BackendRunResult? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(candidate);
        if (policy.NeedsBaseline && baseline is null)
            throw new InputException("HarnessContext.Gate.Check: the policy's non_inferiority rules compare against a baseline; pass one (or remove non_inferiority).");
        var pairing = baseline is not null && policy.NeedsBaseline
            ? Pairing.Compare(dataset, ComparisonCatalog.InMemory(baseline), ComparisonCatalog.InMemory(candidate), new BootstrapOptions(policy.Seed, policy.Resamples))
            : null;
        var context = new GateContext(Subject(candidate), baseline is null ? null : Subject(baseline), policy.Subset, pairing?.Differences, pairing?.Reason);
        return GateDecision.Evaluate(policy, context);
    }

    /// <summary>
    /// Decides on results stored in folders, as <c>harness gate</c> does: the candidate and the
    /// baseline are each one backend's folder (any scenarios) or one result folder.
    /// </summary>
    /// <param name="policy">The policy (<see cref="ReadPolicy"/>).</param>
    /// <param name="policyPath">The policy's file, for messages.</param>
    /// <param name="candidate">The candidate's folder.</param>
    /// <param name="baseline">The baseline's folder, or null.</param>
    /// <param name="datasetPath">The dataset the results were scored on; null for the one run.json names.</param>
    /// <exception cref="InputException">A folder is missing, holds several backends or a malformed file, or the policy needs a baseline that was not given.</exception>
    public GateDecision CheckFolders(GatePolicy policy, string policyPath, string candidate, string? baseline = null, string? datasetPath = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return GateDecision.Evaluate(policy, GateInputs.Load(policy, policyPath, candidate, baseline, datasetPath));
    }

    private static GateSubject Subject(BackendRunResult result) => new(result.Label, [result.Metrics]);
}
