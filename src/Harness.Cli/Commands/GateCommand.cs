using System.CommandLine;
using Harness.Api;
using Harness.Gate;
using Harness.History;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness gate --policy gate.yaml --candidate RESULT [--baseline RESULT|last-promoted [--store FILE]] [--out DIR]</c>: a
/// release manager's promotion decision. Prints every rule with its measured value, threshold
/// and verdict, writes gate.md and gate.junit.xml, and exits 0 (all pass), 1 (a rule failed)
/// or 2 (bad input).
/// </summary>
internal static class GateCommand
{
    public static Command Create()
    {
        var policy = new Option<string>("--policy") { Description = "The gate policy (YAML); see gate.example.yaml.", Required = true };
        var candidate = new Option<string>("--candidate") { Description = "The result to promote: a folder with metrics.json, or a backend folder <run>/<label> with one folder per scenario.", Required = true };
        var baseline = new Option<string?>("--baseline") { Description = $"The result it must not be worse than (non_inferiority rules), or '{LastPromoted}': the result promoted last in the run store (harness history promote)." };
        var store = HistoryCommand.StoreOption();
        var dataset = new Option<string?>("--dataset") { Description = "The dataset the results were scored on; default: the one run.json names." };
        var output = new Option<string?>("--out") { Description = "Where to write gate.md and gate.junit.xml; default: the candidate folder." };
        var command = new Command("gate", "Decide whether a candidate may be promoted, by the thresholds of a policy file.");
        foreach (var option in new Option[] { policy, candidate, baseline, store, dataset, output })
            command.Options.Add(option);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var policyPath = parseResult.GetValue(policy)!;
            var candidatePath = parseResult.GetValue(candidate)!;
            var harness = new HarnessContext();
            var gatePolicy = harness.Gate.ReadPolicy(policyPath);
            var baselinePath = parseResult.GetValue(baseline);
            if (baselinePath == LastPromoted)
            {
                baselinePath = PromotedBaseline(parseResult.GetValue(store) ?? RunStore.DefaultPath);
                await stdout.WriteLineAsync($"baseline: {baselinePath} (promoted last)");
            }

            var decision = harness.Gate.CheckFolders(gatePolicy, policyPath, candidatePath, baselinePath, parseResult.GetValue(dataset));

            await stdout.WriteAsync(GateReport.Console(decision));
            var outDir = parseResult.GetValue(output) ?? candidatePath;
            var files = await OutputPath.WriteAsync(outDir, parseResult.GetValue(output) is null ? "--candidate" : "--out",
                () => GateReport.WriteAsync(decision, outDir, cancellationToken));
            await stdout.WriteLineAsync($"wrote {string.Join(", ", files)}");
            return decision.Passed ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    /// <summary>The <c>--baseline</c> value that names the result promoted last in the run store.</summary>
    internal const string LastPromoted = "last-promoted";

    private static string PromotedBaseline(string storePath)
    {
        using var runStore = HistoryCommand.OpenExisting(storePath);
        var promoted = runStore.LastPromoted()
            ?? throw new InputException($"{runStore.FilePath}: --baseline {LastPromoted}: no result has been promoted yet; promote one with harness history promote <run>/<label> --store {storePath}, or pass --baseline <folder>.");
        return Directory.Exists(promoted.Folder)
            ? promoted.Folder
            : throw new InputException($"{runStore.FilePath}: --baseline {LastPromoted}: the promoted result {promoted.RunId}/{promoted.Label} was recorded at {promoted.Folder}, which no longer exists; restore the run folder or pass --baseline <folder>.");
    }
}
