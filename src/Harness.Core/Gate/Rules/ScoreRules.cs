using Harness.Formatting;
using Harness.Tools;

namespace Harness.Gate.Rules;

/// <summary><c>min_overall</c>: the candidate's overall score on the policy subset is at least the threshold.</summary>
public sealed class MinOverallRule(double minimum) : IGateRule
{
    public string Name => "min_overall";

    public GateVerdict Evaluate(GateContext context)
    {
        var subset = context.Candidate.Primary.Subset(context.Subset);
        var ok = subset.Overall >= minimum;
        return new GateVerdict(Name, ok ? GateOutcome.Pass : GateOutcome.Fail, Fmt.Score(subset.Overall), $">= {Fmt.Score(minimum)}",
            $"overall ({context.Subset}) {Fmt.Score(subset.Overall)} {(ok ? "meets" : "is below")} the minimum {Fmt.Score(minimum)}");
    }
}

/// <summary><c>min_tool_final.&lt;tool&gt;</c>: one tool's final score on the policy subset is at least the threshold.</summary>
public sealed class MinToolFinalRule(ToolName tool, double minimum) : IGateRule
{
    public string Name => $"min_tool_final.{tool.WireName()}";

    public GateVerdict Evaluate(GateContext context)
    {
        var final = context.Candidate.Primary.Subset(context.Subset)[tool].Final;
        var ok = final >= minimum;
        return new GateVerdict(Name, ok ? GateOutcome.Pass : GateOutcome.Fail, Fmt.Score(final), $">= {Fmt.Score(minimum)}",
            $"{tool.WireName()} final ({context.Subset}) {Fmt.Score(final)} {(ok ? "meets" : "is below")} the minimum {Fmt.Score(minimum)}");
    }
}
