using System.Text;
using Harness.Formatting;

namespace Harness.Gate;

/// <summary>Renders a gate decision for the terminal, as gate.md and as gate.junit.xml (one test case per rule).</summary>
public static class GateReport
{
    public const string MarkdownFile = "gate.md";
    public const string JUnitFile = "gate.junit.xml";

    /// <summary>One line per rule, aligned, then the headline.</summary>
    public static string Console(GateDecision decision)
    {
        var width = decision.Verdicts.Select(v => v.Rule.Length).DefaultIfEmpty(10).Max();
        var measuredWidth = decision.Verdicts.Select(v => v.Measured.Length).DefaultIfEmpty(8).Max();
        var text = new StringBuilder();
        foreach (var v in decision.Verdicts)
            text.Append($"{v.Label,-4}  {v.Rule.PadRight(width)}  {v.Measured.PadRight(measuredWidth)}  {v.Threshold,-24}  {v.Reason}\n");
        return text.Append(decision.Headline).Append('\n').ToString();
    }

    public static string Markdown(GateDecision decision)
    {
        var c = decision.Context;
        var text = new StringBuilder();
        text.Append($"## Promotion gate: {(decision.Passed ? "PASS" : "FAIL")}\n\n");
        text.Append($"- Candidate: `{c.Candidate.Path}` ({Describe(c.Candidate)})\n");
        if (c.Baseline is not null) text.Append($"- Baseline: `{c.Baseline.Path}` ({Describe(c.Baseline)})\n");
        text.Append($"- Score rules read subset `{c.Subset}`\n");
        text.Append($"- {decision.Headline}\n\n");
        text.Append("| Rule | Verdict | Measured | Threshold | Reason |\n|---|---|---|---|---|\n");
        foreach (var v in decision.Verdicts)
            text.Append($"| `{v.Rule}` | {(v.Outcome == GateOutcome.Fail ? "**FAIL**" : v.Label)} | {Cell(v.Measured)} | {Cell(v.Threshold)} | {Cell(v.Reason)} |\n");
        return text.ToString();
    }

    public static string JUnit(GateDecision decision) => JUnitXml.Render(
        "harness gate",
        [
            .. decision.Verdicts.Select(v => new JUnitCase(
                "gate",
                v.Rule,
                Failure: v.Outcome == GateOutcome.Fail ? v.Reason : null,
                Skipped: v.Outcome == GateOutcome.Skip ? v.Reason : null,
                Output: $"measured {v.Measured}; threshold {v.Threshold}; {v.Reason}")),
        ]);

    /// <summary>Writes gate.md and gate.junit.xml into <paramref name="directory"/>; returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(GateDecision decision, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var md = Path.Combine(directory, MarkdownFile);
        var junit = Path.Combine(directory, JUnitFile);
        await AtomicFile.WriteAllTextAsync(md, Markdown(decision), cancellationToken);
        await AtomicFile.WriteAllTextAsync(junit, JUnit(decision), cancellationToken);
        return [md, junit];
    }

    private static string Describe(GateSubject s) =>
        $"{s.Primary.Run.Backend}, {s.Primary.Run.Model}; {string.Join(", ", s.Scenarios.Select(m => m.Run.Scenario))}";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
